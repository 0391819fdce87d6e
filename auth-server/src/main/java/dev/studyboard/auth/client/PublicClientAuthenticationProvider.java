package dev.studyboard.auth.client;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Accepts the {@code client_id} of {@link PublicClientRequestConverter} when that client is registered as public
 * (authentication method {@code none}), as Spring Authorization Server's device-grant sample does ({@code
 * DeviceClientAuthenticationProvider}): it has no secret to prove, and what protects its tokens is the device code or
 * the single-use refresh token it must present. A request with a PKCE {@code code_verifier} is left to Spring
 * Authorization Server's own provider, which checks it.
 */
public final class PublicClientAuthenticationProvider implements AuthenticationProvider {

    private final RegisteredClientRepository clients;

    public PublicClientAuthenticationProvider(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OAuth2ClientAuthenticationToken) authentication;
        if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
                || request.getAdditionalParameters().containsKey(PkceParameterNames.CODE_VERIFIER)) {
            return null;
        }
        var client = clients.findByClientId(String.valueOf(request.getPrincipal()));
        if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_CLIENT,
                    "Client authentication failed: client_id",
                    "https://datatracker.ietf.org/doc/html/rfc6749#section-3.2.1"));
        }
        return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
