package dev.studyboard.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the verified token says: a person (subject = their account, with roles) or a machine client
 * (subject = its client id, with scopes). Web adapters turn it into what their use cases need.
 *
 * @param subject   the token's {@code sub}: the account of a person, the client id of a machine client
 * @param name      a person's display name, if the token has one
 * @param clientId  the client the token was issued to
 * @param authorities the roles and scopes as Spring Security authorities ({@link Authorities})
 */
public record Caller(String subject, Optional<String> name, String clientId, Set<String> authorities) {

    /** The caller of the current request, if it presented a valid token. */
    public static Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<Caller> of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        var jwt = token.getToken();
        var clientId = Optional.ofNullable(jwt.getClaimAsString("client_id"))
                .or(() -> Optional.ofNullable(jwt.getClaimAsString("azp")))
                .orElse(jwt.getSubject());
        return Optional.of(new Caller(
                jwt.getSubject(),
                Optional.ofNullable(jwt.getClaimAsString("name")),
                clientId,
                names(token.getAuthorities())));
    }

    public boolean isMember() {
        return authorities.contains(Authorities.MEMBER);
    }

    public boolean isOrganizer() {
        return authorities.contains(Authorities.ORGANIZER);
    }

    /** @param authority e.g. {@link Authorities#PROGRESS_WRITE} */
    public boolean has(String authority) {
        return authorities.contains(authority);
    }

    /** A person signed in, as opposed to a machine client acting for itself. */
    public boolean isPerson() {
        return isMember() || isOrganizer();
    }

    private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
    }
}
