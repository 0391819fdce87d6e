package dev.studyboard.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * An OpenID Connect issuer for tests: its own RSA key, published as a JWKS over real HTTP on 127.0.0.1, so a
 * service under test fetches and checks keys exactly as it does in production. It signs whatever token a test
 * needs, and forges the ones a service must refuse (another key, {@code alg: none}, expired, wrong issuer or
 * audience). One per test JVM.
 *
 * <p>Point a Spring test at it with {@code @Import(TestIssuer.Properties.class)}. The application's own
 * configuration must already name a {@code jwk-set-uri} (studyboard-service.yml does): Spring Boot decides
 * whether to build a JWT decoder before these test values arrive, and then builds it with them.
 */
public final class TestIssuer {

    /** The audience every Study Board API token carries. */
    public static final String AUDIENCE = "study-board-api";

    private static final TestIssuer SHARED = new TestIssuer();

    private final RSAKey key = newKey();
    private final RSAKey stranger = newKey(); // never published: what a forger would sign with
    private final String issuer;

    private TestIssuer() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestIssuer shared() {
        return SHARED;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** A valid token for a person or client you describe; change what a test needs. */
    public Token token() {
        return new Token(this);
    }

    /** {@code Authorization} header value of a study member signed in as {@code account}. */
    public String member(String account) {
        return token().subject(account).name(account).roles("member").bearer();
    }

    /** {@code Authorization} header value of the organizer (a member too). */
    public String organizer() {
        return token().subject("organizer")
                .name("organizer")
                .roles("member", "organizer")
                .bearer();
    }

    /** {@code Authorization} header value of a machine client (client credentials) with these scopes. */
    public String client(String clientId, String... scopes) {
        return token().subject(clientId).clientId(clientId).scopes(scopes).bearer();
    }

    /**
     * The organizer's token, forged five ways: each must be refused with 401 wherever it is presented, whatever
     * the rule. Named for the test report ("expired", "signed with a key the issuer never published", ...).
     */
    public Stream<Named<String>> forgeries() {
        var organizer = (Supplier<Token>)
                () -> token().subject("organizer").name("organizer").roles("member", "organizer");
        return Stream.of(
                Named.of(
                        "expired",
                        organizer
                                .get()
                                .expiresAt(Instant.now().minusSeconds(300))
                                .bearer()),
                Named.of(
                        "signed with a key the issuer never published",
                        organizer.get().signedByStranger().bearer()),
                Named.of(
                        "not signed at all (alg none)",
                        organizer.get().unsigned().bearer()),
                Named.of(
                        "from another issuer",
                        organizer.get().issuer("http://elsewhere.example").bearer()),
                Named.of(
                        "for another audience",
                        organizer.get().audience("some-other-api").bearer()));
    }

    /** Points a Spring test's resource server at the {@link #shared()} issuer. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Properties {

        @Bean
        DynamicPropertyRegistrar testIssuerProperties() {
            return registry -> {
                registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", SHARED::issuer);
                registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", SHARED::jwkSetUri);
                registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
            };
        }
    }

    /** A token being described: valid by default (this issuer, the API's audience, five minutes to live). */
    public static final class Token {

        private final TestIssuer issuer;
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        private String clientId = "study-board-cli";
        private List<String> audience = List.of(AUDIENCE);
        private String issuerName;
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        private boolean stranger;
        private boolean unsigned;

        private Token(TestIssuer issuer) {
            this.issuer = issuer;
            this.issuerName = issuer.issuer;
            claims.subject("test-user").jwtID(UUID.randomUUID().toString());
        }

        public Token subject(String subject) {
            claims.subject(subject);
            return this;
        }

        public Token name(String name) {
            claims.claim("name", name);
            return this;
        }

        public Token roles(String... roles) {
            claims.claim("roles", List.of(roles));
            return this;
        }

        public Token scopes(String... scopes) {
            claims.claim("scope", String.join(" ", scopes));
            return this;
        }

        public Token clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Token audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public Token issuer(String issuer) {
            this.issuerName = issuer;
            return this;
        }

        public Token expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Signed with a key the issuer never published: a forgery. */
        public Token signedByStranger() {
            this.stranger = true;
            return this;
        }

        /** {@code alg: none}: no signature at all. */
        public Token unsigned() {
            this.unsigned = true;
            return this;
        }

        /** The compact JWT. */
        public String build() {
            var audiences = new ArrayList<>(audience);
            var now = Instant.now();
            var set = claims.issuer(issuerName)
                    .audience(audiences)
                    .claim("client_id", clientId)
                    .issueTime(Date.from(now.minusSeconds(60)))
                    .notBeforeTime(Date.from(now.minusSeconds(60)))
                    .expirationTime(Date.from(expiresAt))
                    .build();
            if (unsigned) {
                return new PlainJWT(set).serialize();
            }
            var signingKey = stranger ? issuer.stranger : issuer.key;
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(issuer.key.getKeyID()) // a forger copies the real key id
                            .build(),
                    set);
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        /** {@code Authorization} header value: {@code Bearer <jwt>}. */
        public String bearer() {
            return "Bearer " + build();
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
