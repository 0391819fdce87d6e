package dev.studyboard.auth.client;

import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Writes the configured clients into the JDBC {@link RegisteredClientRepository} at start (insert or update), so the
 * configuration is the truth about each client and every replica reads the same. Secrets are stored encoded.
 */
@Component
class RegisteredClients implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegisteredClients.class);

    /** Serialises the start of replicas on the same database, so two never insert the same client at once. */
    private static final long LOCK = 0x5374756479426f61L; // "StudyBoa"

    private static final Set<String> PERSON_SCOPES = Set.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL);

    private final ClientProperties properties;
    private final RegisteredClientRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    RegisteredClients(
            ClientProperties properties,
            RegisteredClientRepository repository,
            PasswordEncoder passwordEncoder,
            JdbcClient jdbc,
            TransactionTemplate transaction) {
        this.properties = properties;
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.transaction = transaction;
        properties.clients().forEach(RegisteredClients::check);
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?)")
                    .param(LOCK)
                    .query(Integer.class)
                    .single();
            properties.clients().forEach(this::register);
        });
    }

    private void register(String clientId, ClientProperties.Client client) {
        boolean confidential = StringUtils.hasText(client.secret());
        if (!confidential && needsSecret(client)) {
            // Not an error: a deployment without the demo loader (or the gateway's sign-in) need not invent a
            // secret for it. A secret configured before must not keep working, though.
            jdbc.sql("delete from oauth2_registered_client where client_id = ?")
                    .param(clientId)
                    .update();
            log.warn("Client {} has no secret configured: not registered, it cannot get a token", clientId);
            return;
        }
        var existing = repository.findByClientId(clientId);
        var builder = existing != null
                ? RegisteredClient.from(existing)
                        .clientAuthenticationMethods(Set::clear)
                        .authorizationGrantTypes(Set::clear)
                        .redirectUris(Set::clear)
                        .postLogoutRedirectUris(Set::clear)
                        .scopes(Set::clear)
                : RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId);
        builder.clientName(StringUtils.hasText(client.name()) ? client.name() : clientId)
                .clientSecret(confidential ? secret(existing, client.secret()) : null)
                .clientAuthenticationMethod(
                        confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : ClientAuthenticationMethod.NONE)
                .authorizationGrantTypes(grants -> client.grantTypes().stream()
                        .map(AuthorizationGrantType::new)
                        .forEach(grants::add))
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder()
                        // PKCE for every authorization code, confidential clients too (OAuth 2.1)
                        .requireProofKey(true)
                        .requireAuthorizationConsent(client.consent())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.accessTokenTimeToLive())
                        .refreshTokenTimeToLive(properties.refreshTokenTimeToLive())
                        // Rotation: a refresh token works once, so a copy is refused (invalid_grant) after either
                        // holder has refreshed. It revokes nothing: whoever refreshed first keeps the chain going.
                        .reuseRefreshTokens(false)
                        .build());
        repository.save(builder.build());
        log.info(
                "Registered client {} ({}, grants {}, scopes {})",
                clientId,
                confidential ? "confidential" : "public",
                client.grantTypes(),
                client.scopes());
    }

    /** Keeps the stored hash while the secret is unchanged: no new write, and no new hash to compare at each start. */
    private String secret(RegisteredClient existing, String secret) {
        if (existing != null
                && existing.getClientSecret() != null
                && passwordEncoder.matches(secret, existing.getClientSecret())) {
            return existing.getClientSecret();
        }
        return passwordEncoder.encode(secret);
    }

    /** A machine client, or one marked confidential: it proves itself with its secret, so without one it is useless. */
    private static boolean needsSecret(ClientProperties.Client client) {
        return client.confidential()
                || client.grantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());
    }

    private static void check(String clientId, ClientProperties.Client client) {
        if (client.grantTypes().isEmpty()) {
            throw new IllegalStateException("studyboard.auth.clients." + clientId + ": no grant-types");
        }
        boolean machine = client.grantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());
        if (machine && client.grantTypes().size() > 1) {
            // A machine client's token says "this client"; a person's says "this person": never both in one client.
            throw new IllegalStateException(
                    "studyboard.auth.clients." + clientId + ": client_credentials is a machine client's only grant");
        }
        if (!machine && !PERSON_SCOPES.containsAll(client.scopes())) {
            // What a person may do comes from their roles, never from a scope a client asks for.
            throw new IllegalStateException("studyboard.auth.clients." + clientId + ": a client that acts for a person"
                    + " gets only the scopes " + PERSON_SCOPES + ", not " + client.scopes());
        }
        if (!StringUtils.hasText(client.secret())
                && !client.confidential()
                && client.grantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN.getValue())
                && !client.grantTypes().contains(AuthorizationGrantType.DEVICE_CODE.getValue())) {
            // Spring Authorization Server gives a public client a refresh token in the device grant only.
            throw new IllegalStateException("studyboard.auth.clients." + clientId
                    + ": a public client gets a refresh token from the device grant only, and has none");
        }
        if (client.grantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue())
                && client.redirectUris().isEmpty()) {
            throw new IllegalStateException(
                    "studyboard.auth.clients." + clientId + ": authorization_code needs redirect-uris");
        }
    }
}
