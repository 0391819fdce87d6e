package dev.studyboard.auth;

import java.util.function.Supplier;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.util.function.SingletonSupplier;

/**
 * The authorization service, made at its first use. {@code JdbcOAuth2AuthorizationService} reads its table's column
 * types from the database when it is made; made at start, it would make the server's start wait for the database
 * and make an image build's AOT training run (which has none) fail. The first sign-in or token pays that one query.
 */
final class FirstUseAuthorizationService implements OAuth2AuthorizationService {

    private final SingletonSupplier<OAuth2AuthorizationService> service;

    FirstUseAuthorizationService(Supplier<OAuth2AuthorizationService> service) {
        this.service = SingletonSupplier.of(service);
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        service.obtain().save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        service.obtain().remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return service.obtain().findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return service.obtain().findByToken(token, tokenType);
    }
}
