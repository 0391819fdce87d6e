package dev.studyboard.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.web.client.RestClient;

/**
 * The loader as the machine client {@code demo-loader}, against a stand-in (WireMock) for the auth-server's token
 * endpoint and the three services: what it sends, and with which token.
 */
@DisplayName("The demo loader")
class DemoLoaderTest {

    static final WireMockServer STAND_IN = new WireMockServer(options().dynamicPort());
    static final UUID BOOK = UUID.fromString("5f0c6b1e-8f5a-4a8e-9a51-3f1c2d4e5f60");
    static final UUID WRITER_WITH_ACCOUNT = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID WRITER_WITHOUT = UUID.fromString("22222222-2222-4222-8222-222222222222");

    static {
        STAND_IN.start();
    }

    @AfterAll
    static void stop() {
        STAND_IN.stop();
    }

    /** One chapter: a done section by a writer with a demo account, an open one by a writer without. */
    static final StudyNotes NOTES = new StudyNotes(
            "마이크로서비스 패턴",
            List.of(new StudyNotes.Chapter(
                    3,
                    "서비스 구조",
                    List.of(
                            new StudyNotes.Row("3.1", "서비스 구조", 44, "이상경", true),
                            new StudyNotes.Row("3.2", "서비스 분해", 50, "김새별", false)))));

    @BeforeEach
    void theServicesAnswer() {
        STAND_IN.resetAll();
        tokenEndpointAnswers("token-1");
        STAND_IN.stubFor(get(urlPathEqualTo("/api/members"))
                .willReturn(okJson("{\"members\": [], \"page\": {\"totalPages\": 0}}")));
        STAND_IN.stubFor(post(urlPathEqualTo("/api/members"))
                .atPriority(9)
                .willReturn(created(UUID.fromString("33333333-3333-4333-8333-333333333333"))));
        STAND_IN.stubFor(post(urlPathEqualTo("/api/members"))
                .withRequestBody(matchingJsonPath("$.displayName", equalTo("이상경")))
                .willReturn(created(WRITER_WITH_ACCOUNT)));
        STAND_IN.stubFor(post(urlPathEqualTo("/api/members"))
                .withRequestBody(matchingJsonPath("$.displayName", equalTo("김새별")))
                .willReturn(created(WRITER_WITHOUT)));
        STAND_IN.stubFor(get(urlPathEqualTo("/api/catalog/books"))
                .willReturn(okJson("{\"books\": [], \"page\": {\"totalPages\": 0}}")));
        STAND_IN.stubFor(post(urlPathEqualTo("/api/catalog/books")).willReturn(created(BOOK)));
        STAND_IN.stubFor(
                get(urlPathEqualTo("/api/progress/books/" + BOOK + "/board")).willReturn(okJson("{}")));
        STAND_IN.stubFor(
                get(urlPathMatching("/api/progress/members/.+/summary")).willReturn(okJson("{}")));
        STAND_IN.stubFor(get(urlPathMatching("/api/progress/books/" + BOOK + "/sections/[0-9.]+"))
                .willReturn(okJson("{\"status\": \"TODO\", \"assignee\": null}")));
        STAND_IN.stubFor(put(urlPathMatching(".*/assignee")).willReturn(ok()));
        STAND_IN.stubFor(post(urlPathMatching(".*/(start|complete)")).willReturn(ok()));
    }

    private static void tokenEndpointAnswers(String token) {
        STAND_IN.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson("""
                {"access_token": "%s", "token_type": "Bearer", "expires_in": 600,
                 "scope": "catalog.write members.write progress.write"}""".formatted(token))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(UUID id) {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"" + id + "\"}");
    }

    private static DemoLoader loader() {
        var api = URI.create(STAND_IN.baseUrl());
        var http = RestClient.builder()
                .requestInterceptor(ClientCredentials.bearerToken(
                        api.resolve("/oauth2/token"),
                        "demo-loader",
                        "demo-only-secret",
                        "catalog.write",
                        "members.write",
                        "progress.write"));
        return DemoLoader.connectedTo(http, api, api, api, "독자", Map.of("이상경", "sanggyeong"), Duration.ofSeconds(10));
    }

    private static List<LoggedRequest> apiRequests() {
        return STAND_IN.findAll(anyRequestedFor(urlPathMatching("/api/.*")));
    }

    @Nested
    @DisplayName("as the machine client demo-loader (client credentials)")
    class AsAMachineClient {

        @Test
        @DisplayName("asks the token endpoint once, with its id and secret (HTTP Basic) and its three write scopes")
        void asksForItsToken() {
            loader().load(NOTES);

            var tokenRequests = STAND_IN.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")));
            assertThat(tokenRequests).hasSize(1);
            var basic =
                    Base64.getEncoder().encodeToString("demo-loader:demo-only-secret".getBytes(StandardCharsets.UTF_8));
            assertThat(tokenRequests.get(0).getHeader("Authorization")).isEqualTo("Basic " + basic);
            assertThat(tokenRequests.get(0).getBodyAsString())
                    .contains("grant_type=client_credentials")
                    .contains("scope=catalog.write+members.write+progress.write");
        }

        @Test
        @DisplayName("sends that token with every request to the API")
        void everyRequestCarriesTheToken() {
            loader().load(NOTES);

            assertThat(apiRequests())
                    .hasSizeGreaterThan(8)
                    .allSatisfy(request ->
                            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
        }

        @Test
        @DisplayName("a token the API refuses (401) is dropped: the next request asks for a new one")
        void refusedTokenIsRenewed() {
            STAND_IN.stubFor(get(urlPathEqualTo("/api/members"))
                    .inScenario("token revoked")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse()
                            .withStatus(401)
                            .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                    .willSetStateTo("refused once"));
            STAND_IN.stubFor(get(urlPathEqualTo("/api/members"))
                    .inScenario("token revoked")
                    .whenScenarioStateIs("refused once")
                    .willReturn(okJson("{\"members\": [], \"page\": {\"totalPages\": 0}}")));

            loader().load(NOTES);

            STAND_IN.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        }
    }

    @Nested
    @DisplayName("as the application, the way compose runs it")
    class AsTheApplication {

        @Test
        @DisplayName("takes its client from Spring Boot's configuration and links the notes' three writers")
        void fromConfiguration() {
            try (var context = new SpringApplicationBuilder(DemoLoaderApplication.class)
                    .run(
                            "--studyboard.demo.base-url=" + STAND_IN.baseUrl(),
                            "--spring.security.oauth2.client.provider.studyboard.token-uri=" + STAND_IN.baseUrl()
                                    + "/oauth2/token",
                            "--spring.security.oauth2.client.registration.demo-loader.client-secret=from-a-secret")) {
                assertThat(SpringApplication.exit(context)).isZero();
            }

            var basic =
                    Base64.getEncoder().encodeToString("demo-loader:from-a-secret".getBytes(StandardCharsets.UTF_8));
            STAND_IN.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                    .withHeader("Authorization", equalTo("Basic " + basic)));
            for (var writer : Map.of("이상경", "sanggyeong", "김상초", "sangcho", "김태현", "taehyun")
                    .entrySet()) {
                STAND_IN.verify(postRequestedFor(urlPathEqualTo("/api/members"))
                        .withRequestBody(equalToJson("{\"displayName\": \"%s\", \"account\": \"%s\"}"
                                .formatted(writer.getKey(), writer.getValue()))));
            }
            assertThat(apiRequests())
                    .allSatisfy(request ->
                            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
        }
    }

    @Nested
    @DisplayName("linking the writers to their accounts")
    class Accounts {

        @Test
        @DisplayName("a writer with a demo account is added with that account, a writer without one without it")
        void writersAreLinked() {
            loader().load(NOTES);

            STAND_IN.verify(postRequestedFor(urlPathEqualTo("/api/members"))
                    .withRequestBody(equalToJson("{\"displayName\": \"이상경\", \"account\": \"sanggyeong\"}")));
            STAND_IN.verify(postRequestedFor(urlPathEqualTo("/api/members"))
                    .withRequestBody(equalToJson("{\"displayName\": \"김새별\"}")));
        }

        @Test
        @DisplayName("the writers' work is assigned by the organizer's operation (PUT assignee), not taken")
        void workIsAssigned() {
            loader().load(NOTES);

            STAND_IN.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                            urlPathEqualTo("/api/progress/books/" + BOOK + "/sections/3.1/assignee"))
                    .withRequestBody(containing(WRITER_WITH_ACCOUNT.toString())));
            assertThat(apiRequests())
                    .noneSatisfy(request -> assertThat(request.getUrl()).endsWith("/take"));
        }
    }
}
