package dev.studyboard.demo;

import java.net.URI;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Client credentials grant (machine-to-machine identity): every request carries the loader's own access token,
 * asked of the auth-server with the client's id and secret, kept while it is valid and asked again when it expires.
 * No person is involved: the token's subject is the client, and what it may do are its scopes.
 */
public final class ClientCredentials {

    private ClientCredentials() {}

    /**
     * Adds the client-credentials token of the registration {@code registrationId} (Spring Boot's
     * {@code spring.security.oauth2.client.registration.*}) to every request as {@code Authorization: Bearer}.
     */
    public static ClientHttpRequestInterceptor bearerToken(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService tokens, String registrationId) {
        // The manager for code outside a web request: it keeps tokens in the service, not in an HTTP session.
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials()
                .build());
        var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> registrationId);
        // A 401 from an API (a token the resource server no longer accepts) drops the kept token: the next request
        // asks for a new one instead of failing until it expires.
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
        return interceptor;
    }

    /** The same for a caller without Spring Boot's configuration (the system tests): the client given in code. */
    public static ClientHttpRequestInterceptor bearerToken(
            URI tokenUri, String clientId, String clientSecret, String... scopes) {
        var registrations = new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(clientId)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(scopes)
                .tokenUri(tokenUri.toString())
                .build());
        return bearerToken(registrations, new InMemoryOAuth2AuthorizedClientService(registrations), clientId);
    }
}
