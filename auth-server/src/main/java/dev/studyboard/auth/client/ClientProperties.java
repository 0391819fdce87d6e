package dev.studyboard.auth.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registered clients ({@code studyboard.auth.clients.<client-id>}), written into the database at every start.
 *
 * @param accessTokenTimeToLive short: an access token cannot be revoked at the resource servers, only outlived
 * @param refreshTokenTimeToLive how long the CLI, signed in by the device flow, stays signed in without a new login
 *     (the only refresh tokens issued: Spring Authorization Server gives a public client none after an authorization
 *     code, and the machine clients ask again with their secret)
 */
@ConfigurationProperties("studyboard.auth")
public record ClientProperties(
        @DefaultValue Map<String, Client> clients,
        @DefaultValue("10m") Duration accessTokenTimeToLive,
        @DefaultValue("8h") Duration refreshTokenTimeToLive) {

    /**
     * @param secret a confidential client's secret (from the environment); none: a public client, which proves
     *     itself with PKCE instead and cannot use client credentials
     * @param grantTypes {@code authorization_code}, {@code client_credentials},
     *     {@code urn:ietf:params:oauth:grant-type:device_code}, and {@code refresh_token} (for a public client only
     *     together with the device code)
     * @param consent whether the person confirms the scopes the first time (for the CLI's device flow: the person
     *     sees which client they let in, so a code sent by someone else is not approved blindly)
     */
    public record Client(
            String name,
            String secret,
            @DefaultValue List<String> grantTypes,
            @DefaultValue List<String> redirectUris,
            @DefaultValue List<String> scopes,
            @DefaultValue("false") boolean consent) {}
}
