package dev.studyboard.auth.client;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Reads a public client's {@code client_id} from a device authorization request and from a token request of the
 * device code or refresh token grant. Spring Authorization Server identifies a public client only by its PKCE
 * {@code code_verifier}, which those requests do not have; a request with a secret or an Authorization header is
 * left to the converters that check it.
 *
 * <p>The device part is what Spring Authorization Server's device-grant sample adds ({@code
 * DeviceClientAuthenticationConverter}). The refresh part goes one step further: Spring gives a public client a
 * refresh token in the device grant (never after an authorization code), and without this the CLI could not present
 * it. What protects it is that it works once ({@code reuseRefreshTokens=false}) and only for the client it was issued
 * to.
 */
public final class PublicClientRequestConverter implements AuthenticationConverter {

    private static final Set<String> GRANTS =
            Set.of(AuthorizationGrantType.DEVICE_CODE.getValue(), AuthorizationGrantType.REFRESH_TOKEN.getValue());

    private final RequestMatcher deviceAuthorizationEndpoint;

    public PublicClientRequestConverter(RequestMatcher deviceAuthorizationEndpoint) {
        this.deviceAuthorizationEndpoint = deviceAuthorizationEndpoint;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!HttpMethod.POST.matches(request.getMethod())
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
            return null;
        }
        var grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
        boolean publicGrant = grantType != null && GRANTS.contains(grantType);
        if (!publicGrant && !deviceAuthorizationEndpoint.matches(request)) {
            return null;
        }
        var clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        if (clientIds == null) {
            return null;
        }
        if (clientIds.length != 1) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
        }
        return new OAuth2ClientAuthenticationToken(
                clientIds[0],
                ClientAuthenticationMethod.NONE,
                null,
                grantType == null ? Map.of() : Map.of(OAuth2ParameterNames.GRANT_TYPE, grantType));
    }
}
