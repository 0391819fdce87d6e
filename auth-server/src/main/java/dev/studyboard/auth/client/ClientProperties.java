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
 * @param refreshTokenTimeToLive how long a person stays signed in without a new login: the CLI after its device flow,
 *     and the gateway's browser sign-in (Spring Authorization Server gives a public client none after an authorization
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
     * @param confidential the client needs its secret (as every machine client does): without one it is not
     *     registered, rather than registered as a public client
     * @param grantTypes {@code authorization_code}, {@code client_credentials},
     *     {@code urn:ietf:params:oauth:grant-type:device_code}, and {@code refresh_token} (for a public client only
     *     together with the device code)
     * @param postLogoutRedirectUris where the OpenID Connect end-session endpoint ({@code /connect/logout}) may send
     *     the browser back to after signing the person out
     * @param consent whether the person confirms the scopes the first time (for the CLI's device flow: the person
     *     sees which client they let in, so a code sent by someone else is not approved blindly)
     */
    public record Client(
            String name,
            String secret,
            @DefaultValue("false") boolean confidential,
            @DefaultValue List<String> grantTypes,
            @DefaultValue List<String> redirectUris,
            @DefaultValue List<String> postLogoutRedirectUris,
            @DefaultValue List<String> scopes,
            @DefaultValue("false") boolean consent) {}
}
