package dev.studyboard.progress.report.application;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reporting store's settings ({@code studyboard.reporting.*}): the zone whose weeks it counts in, the study
 * group's. An event's week is fixed when it is pumped; a new zone applies to the events pumped after it.
 */
@ConfigurationProperties("studyboard.reporting")
public record ReportingSettings(@DefaultValue("Asia/Seoul") ZoneId zone) {}
