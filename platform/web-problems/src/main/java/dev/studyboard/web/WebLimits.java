package dev.studyboard.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The bounds on what one request may make a service read ({@code studyboard.web.*}).
 *
 * @param maxRequestBody the largest request body ({@link RequestBodyLimit}). 4MB by default: the largest request
 *     of the API is an import of notes up to 1,000,000 characters, which UTF-8 writes in up to 3 bytes each
 *     (Korean takes 3), so 3,000,000 bytes and a little JSON around them; 2MB would refuse a legitimate import.
 */
@ConfigurationProperties("studyboard.web")
public record WebLimits(@DefaultValue("4MB") DataSize maxRequestBody) {}
