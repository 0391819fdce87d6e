package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the auth-server (WireMock), as the gateway's sign-in meets it: its own signing key, published at
 * {@code /oauth2/jwks}, and a token endpoint that answers what a test tells it to. Its address is the issuer, the
 * one a browser reaches; the gateway's own calls (token, keys) go to the same stand-in.
 */
final class AuthServerStandIn extends WireMockServer {

    static final String CLIENT_ID = "study-board-web";
    static final String CLIENT_SECRET = "test-only-web-client-secret";

    private final RSAKey key;

    AuthServerStandIn() {
        super(options().dynamicPort());
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        start();
        reset();
    }

    /** Forgets the requests and answers of earlier tests; the keys stay. */
    void reset() {
        resetAll();
        stubFor(get("/oauth2/jwks").willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
    }

    String issuer() {
        return baseUrl();
    }

    /** The gateway's view of the auth-server and its client secret, as compose gives them. */
    void configure(DynamicPropertyRegistry registry) {
        registry.add("AUTH_ISSUER", this::issuer);
        registry.add("AUTH_TOKEN_URI", () -> issuer() + "/oauth2/token");
        registry.add("AUTH_JWK_SET_URI", () -> issuer() + "/oauth2/jwks");
        registry.add("WEB_CLIENT_SECRET", () -> CLIENT_SECRET);
    }

    /** The code exchange answers these tokens. */
    void answersCodeWith(Tokens tokens) {
        stubFor(post("/oauth2/token")
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson(tokens.json())));
    }

    /** A refresh answers these tokens. */
    void answersRefreshWith(Tokens tokens) {
        stubFor(post("/oauth2/token")
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson(tokens.json())));
    }

    /** A refresh is refused, as for an expired refresh token or a disabled account. */
    void refusesRefresh() {
        stubFor(post("/oauth2/token")
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"invalid_grant\"}")));
    }

    /** An access token for a member, as the auth-server issues it to the board's client (a JWT for the API). */
    String accessToken(String account) {
        return sign(claims(issuer(), account)
                .audience(List.of(CLIENT_ID, "study-board-api"))
                .claim("client_id", CLIENT_ID)
                .claim("roles", List.of("member"))
                .claim("name", account)
                .build());
    }

    /** The ID token for a member, naming the nonce of the gateway's authorization request, from {@code issuer}. */
    String idToken(String account, String nonce, String issuer) {
        return sign(claims(issuer, account)
                .audience(CLIENT_ID)
                .claim("nonce", nonce)
                .claim("name", account)
                .build());
    }

    private static JWTClaimsSet.Builder claims(String issuer, String subject) {
        var now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    private String sign(JWTClaimsSet claims) {
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A token response (RFC 6749 5.1, with OpenID Connect's id_token). */
    record Tokens(String accessToken, String idToken, String refreshToken, int expiresInSeconds) {

        String json() {
            var response = new LinkedHashMap<String, Object>();
            response.put("access_token", accessToken);
            response.put("token_type", "Bearer");
            response.put("expires_in", expiresInSeconds);
            response.put("scope", "openid profile");
            if (idToken != null) {
                response.put("id_token", idToken);
            }
            response.put("refresh_token", refreshToken);
            return JsonMapper.shared().writeValueAsString(response);
        }
    }
}
