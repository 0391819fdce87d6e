package dev.studyboard.auth.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param audience the {@code aud} every resource server of Study Board expects in an access token, besides the
 *     client's own id: a token for some other API is not accepted here, nor ours there
 */
@ConfigurationProperties("studyboard.auth")
public record TokenProperties(
        @DefaultValue("study-board-api") String audience) {}
