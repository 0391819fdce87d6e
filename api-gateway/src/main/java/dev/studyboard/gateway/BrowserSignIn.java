package dev.studyboard.gateway;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The gateway as an OpenID Connect client of the auth-server, for the board's pages ({@link BrowserSecurity}): the
 * registration {@code study-board} (the confidential client {@code study-board-web}), and where a signed-in person's
 * tokens are kept: in their session, and nowhere a browser can read them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class BrowserSignIn {

    static final String REGISTRATION = "study-board";

    /**
     * Spring Boot's registration from {@code spring.security.oauth2.client} (application.yml), plus what Boot has no
     * property for. The auth-server has two addresses (the browser's, which is the issuer, and the gateway's own on
     * the internal network), so its endpoints are configured one by one instead of discovered from the issuer; then
     * the issuer that the ID token's {@code iss} must name, and the end-session endpoint for signing out, are the
     * two pieces of the discovery document set here. PKCE as well, though the client has a secret (OAuth 2.1; the
     * auth-server requires it of every client).
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(
            OAuth2ClientProperties properties,
            @Value("${studyboard.auth.issuer}") String issuer,
            @Value("${studyboard.auth.end-session-uri}") String endSession) {
        var fromProperties = new OAuth2ClientPropertiesMapper(properties)
                .asClientRegistrations()
                .get(REGISTRATION);
        var registration = ClientRegistration.withClientRegistration(fromProperties)
                .issuerUri(issuer)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", endSession))
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** A person's tokens live in their session, and go with it when they sign out or it expires. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /**
     * What TokenRelay asks for the access token of a session: the one it has, or, once that has expired, a new one
     * for its refresh token. A refresh the auth-server refuses (the refresh token has expired, or the account was
     * disabled) drops the tokens and sends the person to sign in again, instead of failing the page.
     */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        var manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return request ->
                manager.authorize(request).onErrorMap(ClientAuthorizationException.class, BrowserSignIn::signInAgain);
    }

    private static Throwable signInAgain(ClientAuthorizationException failed) {
        return OAuth2ErrorCodes.INVALID_GRANT.equals(failed.getError().getErrorCode())
                // Spring Security answers this with a new authorization request: the person signs in again.
                ? new ClientAuthorizationRequiredException(failed.getClientRegistrationId())
                : failed;
    }
}
