package dev.studyboard.auth;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Checks a token the way every Study Board resource server does: signature against the keys fetched from the JWKS
 * URI, then issuer, audience and expiry.
 */
public final class ResourceServerCheck {

    private final NimbusJwtDecoder decoder;

    public ResourceServerCheck(String jwkSetUri, String issuer, String audience) {
        decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
    }

    /** The auth-server at {@code base}, checked as compose's services check it. */
    public static ResourceServerCheck of(String base) {
        return new ResourceServerCheck(base + "/oauth2/jwks", AuthServerTest.ISSUER, "study-board-api");
    }

    public Jwt decode(String token) {
        return decoder.decode(token);
    }
}
