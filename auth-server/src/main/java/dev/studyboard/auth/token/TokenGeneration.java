package dev.studyboard.auth.token;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/** Access and ID tokens as JWTs signed with the active key, with our claims; refresh tokens opaque, stored. */
@Configuration(proxyBeanMethods = false)
class TokenGeneration {

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder jwtEncoder, OAuth2TokenCustomizer<JwtEncodingContext> claims) {
        var jwts = new JwtGenerator(jwtEncoder);
        jwts.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwts, new RefreshTokens(Clock.systemUTC()));
    }
}
