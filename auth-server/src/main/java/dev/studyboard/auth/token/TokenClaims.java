package dev.studyboard.auth.token;

import dev.studyboard.auth.account.Account;
import dev.studyboard.auth.account.AccountStore;
import dev.studyboard.auth.account.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What a token says about its caller, the contract every resource server reads:
 *
 * <ul>
 *   <li>access token: {@code aud} = [client id, {@code study-board-api}], {@code client_id}, {@code scope}; for a
 *       person also {@code roles} ({@code ["member"]}, {@code ["member","organizer"]}) and {@code name}; {@code sub}
 *       is the person's username, or the client's id for a machine client (client credentials, no roles);
 *   <li>ID token: {@code name}, {@code preferred_username}, and {@code email} when the {@code email} scope was granted
 *       (the only place the account's e-mail ever goes).
 * </ul>
 *
 * <p>Roles and name are read from the account each time a token is issued, a refreshed one included: a role taken
 * away is gone from the next access token, and an account that no longer exists gets no token.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    static final String CLIENT_ID = "client_id";

    private final AccountStore accounts;
    private final TokenProperties properties;

    TokenClaims(AccountStore accounts, TokenProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        var clientId = context.getRegisteredClient().getClientId();
        var claims = context.getClaims();
        boolean person = !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            // Mutable JDK lists: the claims are also stored with the authorization as JSON, and read back only for
            // types on Spring Security's allowlist (ArrayList is, List.of(...)'s classes are not).
            claims.audience(new ArrayList<>(List.of(clientId, properties.audience())));
            claims.claim(CLIENT_ID, clientId);
            if (person) {
                var account = account(context);
                claims.claim(
                        ROLES,
                        account.sortedRoles().stream()
                                .map(Role::claimValue)
                                .collect(Collectors.toCollection(ArrayList::new)));
                claims.claim(StandardClaimNames.NAME, account.displayName());
            }
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            var account = account(context);
            claims.claim(StandardClaimNames.NAME, account.displayName());
            claims.claim(StandardClaimNames.PREFERRED_USERNAME, account.username());
            if (context.getAuthorizedScopes().contains(OidcScopes.EMAIL) && account.email() != null) {
                claims.claim(StandardClaimNames.EMAIL, account.email());
            }
        }
    }

    private Account account(JwtEncodingContext context) {
        var username = context.getPrincipal().getName();
        return accounts.find(username)
                .filter(Account::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The account is no longer active", null)));
    }
}
