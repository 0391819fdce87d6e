package dev.studyboard.synthetic;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

/**
 * The check's own identity, a machine client (client credentials grant): its access token is asked of the
 * auth-server with the client's id and secret, kept while valid and asked again when it expires. The same as the
 * demo-loader's (modules share no code here; a third copy would belong in the platform).
 */
final class ClientCredentials {

    private ClientCredentials() {}

    /** Adds the client-credentials token of the registration {@code registrationId} to every request. */
    static ClientHttpRequestInterceptor bearerToken(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService tokens, String registrationId) {
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials()
                .build());
        var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> registrationId);
        // A token the gateway refuses (401) is dropped, so the next walk asks for a new one.
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
        return interceptor;
    }
}
