package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.testsupport.TestIssuer;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The gateway as an OAuth2 resource server, in front of stand-in services (WireMock) and with tokens from a test
 * issuer: what it lets through, what it refuses before routing, what it passes on, and what it does not serve at
 * all on its public port.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "GATEWAY_RATE_LIMIT=1000",
            "AUTH_PUBLIC_URL=http://auth.example.test:9000"
        })
@AutoConfigureWebTestClient(timeout = "30s") // a cold JVM on a busy 2-core machine answers the first request slowly
@Import(TestIssuer.Properties.class)
@DisplayName("The gateway's security")
class GatewaySecurityTest {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final StandInService CATALOG = new StandInService("catalog-service");
    static final StandInService MEMBERS = new StandInService("member-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        CATALOG.listIn(registry);
        MEMBERS.listIn(registry);
    }

    @AfterAll
    static void stop() {
        CATALOG.stop();
        MEMBERS.stop();
    }

    @Autowired
    WebTestClient http;

    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void reset() {
        CATALOG.resetAll();
        MEMBERS.resetAll();
        CATALOG.stubFor(get("/api/catalog/books").willReturn(okJson("{\"books\": []}")));
        CATALOG.stubFor(post("/api/catalog/books").willReturn(aResponse().withStatus(201)));
        MEMBERS.stubFor(get("/api/members").willReturn(okJson("{\"members\": []}")));
        MEMBERS.stubFor(post("/api/members").willReturn(aResponse().withStatus(201)));
    }

    private WebTestClient.ResponseSpec join(String authorization) {
        var request = http.post().uri("/api/members").contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.bodyValue("{\"displayName\": \"김태현\"}").exchange();
    }

    private static void refusedAsUnauthorized(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.title")
                .isEqualTo("Unauthorized");
    }

    @Nested
    @DisplayName("refuses before routing, with 401 problem details and WWW-Authenticate: Bearer")
    class Refused {

        static Stream<Arguments> invalidTokens() {
            return Stream.of(
                    Arguments.of("no token on a write", null),
                    Arguments.of(
                            "an expired token",
                            ISSUER.token()
                                    .subject("taehyun")
                                    .roles("member")
                                    .expiresAt(Instant.now().minusSeconds(300))
                                    .bearer()),
                    Arguments.of(
                            "a token signed with another key",
                            ISSUER.token()
                                    .subject("taehyun")
                                    .roles("member")
                                    .signedByStranger()
                                    .bearer()),
                    Arguments.of(
                            "an unsigned token (alg: none)",
                            ISSUER.token()
                                    .subject("taehyun")
                                    .roles("member")
                                    .unsigned()
                                    .bearer()),
                    Arguments.of(
                            "a token from another issuer",
                            ISSUER.token()
                                    .subject("taehyun")
                                    .roles("member")
                                    .issuer("http://evil.example")
                                    .bearer()),
                    Arguments.of(
                            "a token for another audience",
                            ISSUER.token()
                                    .subject("taehyun")
                                    .roles("member")
                                    .audience("some-other-api")
                                    .bearer()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidTokens")
        @DisplayName("a write with")
        void invalidOnWrite(String what, String authorization) {
            refusedAsUnauthorized(join(authorization));

            MEMBERS.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        @DisplayName("an invalid token even on a public read: a forged token never reaches a service")
        void invalidOnPublicRead() {
            refusedAsUnauthorized(http.get()
                    .uri("/api/catalog/books")
                    .header(
                            HttpHeaders.AUTHORIZATION,
                            ISSUER.token().signedByStranger().bearer())
                    .exchange());

            CATALOG.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        @DisplayName("reading the members without a token: only for signed-in callers")
        void membersNeedCaller() {
            refusedAsUnauthorized(http.get().uri("/api/members").exchange());

            MEMBERS.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        @DisplayName("the weekly report without a token: under the public progress reads, but the organizer's")
        void reportsNeedCaller() {
            refusedAsUnauthorized(http.get().uri("/api/progress/reports/weekly").exchange());
            http.head()
                    .uri("/api/progress/reports/weekly")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        @DisplayName("the circuit breakers' fallback is not an entry: 401 without a token")
        void fallbackNotAnEntry() {
            refusedAsUnauthorized(http.get().uri("/fallback/catalog-service").exchange());
        }
    }

    @Nested
    @DisplayName("lets through, passing the caller's token on unchanged (token relay)")
    class LetThrough {

        @Test
        @DisplayName("a public read without a token")
        void anonymousRead() {
            http.get().uri("/api/catalog/books").exchange().expectStatus().isOk();

            CATALOG.verify(getRequestedFor(urlPathEqualTo("/api/catalog/books")).withoutHeader("Authorization"));
        }

        @Test
        @DisplayName("a public read with a valid token, which the service receives")
        void signedInRead() {
            var member = ISSUER.member("sanggyeong");

            http.get()
                    .uri("/api/catalog/books")
                    .header(HttpHeaders.AUTHORIZATION, member)
                    .exchange()
                    .expectStatus()
                    .isOk();

            CATALOG.verify(getRequestedFor(urlPathEqualTo("/api/catalog/books"))
                    .withHeader(HttpHeaders.AUTHORIZATION, equalTo(member)));
        }

        @Test
        @DisplayName("a member's write, which the service receives with the member's token")
        void memberWrite() {
            var member = ISSUER.member("taehyun");

            join(member).expectStatus().isCreated();

            MEMBERS.verify(postRequestedFor(urlPathEqualTo("/api/members"))
                    .withHeader(HttpHeaders.AUTHORIZATION, equalTo(member)));
        }

        @Test
        @DisplayName("a machine client's token (client credentials), which the service receives")
        void machineClient() {
            var demoLoader = ISSUER.client("demo-loader", "catalog.write");

            http.post()
                    .uri("/api/catalog/books")
                    .header(HttpHeaders.AUTHORIZATION, demoLoader)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isCreated();

            CATALOG.verify(postRequestedFor(urlPathEqualTo("/api/catalog/books"))
                    .withHeader(HttpHeaders.AUTHORIZATION, equalTo(demoLoader)));
        }

        @Test
        @DisplayName("a valid token without the needed role: passed on, and the 403 is the service's own answer")
        void serviceDecidesForbidden() {
            CATALOG.stubFor(post("/api/catalog/books")
                    .willReturn(aResponse()
                            .withStatus(403)
                            .withHeader("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                            .withBody(
                                    "{\"title\": \"Forbidden\", \"status\": 403, \"detail\": \"from the catalog\"}")));

            http.post()
                    .uri("/api/catalog/books")
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.member("taehyun"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("from the catalog");

            CATALOG.verify(1, postRequestedFor(urlPathEqualTo("/api/catalog/books")));
        }
    }

    @Nested
    @DisplayName("keeps the actuator off the public path")
    class Actuator {

        private WebTestClient managementPort() {
            return WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + managementPort)
                    .build();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/gateway/routes"})
        @DisplayName("on the public port, 404 for anyone, even with a valid token:")
        void notOnPublicPort(String path) {
            http.get().uri(path).exchange().expectStatus().isNotFound();
            http.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.organizer())
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/actuator/health", "/actuator/prometheus", "/actuator/gateway/routes"})
        @DisplayName("on the management port, served without a token (the network protects it):")
        void onManagementPort(String path) {
            managementPort().get().uri(path).exchange().expectStatus().isOk();
        }
    }

    @Nested
    @DisplayName("offers Swagger UI's \"Authorize\"")
    class SwaggerAuthorize {

        @Test
        @DisplayName("with the authorization code flow at the auth-server's public address, in the gateway's document,"
                + " under the services' scheme name (one scheme in Swagger UI)")
        void securityScheme() {
            var document = http.get()
                    .uri("/v3/api-docs")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();

            // "study-board": the name the services' documents use (platform/security's ApiSecurityDocumentation)
            assertThat(document.at("/components/securitySchemes").propertyNames())
                    .containsExactly("study-board");
            var flow = document.at("/components/securitySchemes/study-board/flows/authorizationCode");
            assertThat(flow.get("authorizationUrl").asString())
                    .isEqualTo("http://auth.example.test:9000/oauth2/authorize");
            assertThat(flow.get("tokenUrl").asString()).isEqualTo("http://auth.example.test:9000/oauth2/token");
            assertThat(document.at("/paths/~1api~1dashboard~1members~1{memberId}/get/security/0")
                            .has("study-board"))
                    .isTrue();
        }

        @Test
        @DisplayName("as the public client swagger-ui, with PKCE, back at the redirect page the auth-server knows")
        void pkce() {
            var initializer = http.get()
                    .uri("/webjars/swagger-ui/swagger-initializer.js")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();

            assertThat(initializer)
                    .containsPattern("\"clientId\"\\s*:\\s*\"swagger-ui\"")
                    .containsPattern("\"usePkceWithAuthorizationCodeGrant\"\\s*:\\s*true")
                    .doesNotContain("clientSecret");
            http.get()
                    .uri("/v3/api-docs/swagger-config")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.oauth2RedirectUrl")
                    .value(url -> assertThat((String) url).endsWith("/swagger-ui/oauth2-redirect.html"));
            http.get()
                    .uri("/swagger-ui/oauth2-redirect.html")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }
}
