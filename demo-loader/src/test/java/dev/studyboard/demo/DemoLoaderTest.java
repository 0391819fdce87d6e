package dev.studyboard.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
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
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loader as the machine client {@code demo-loader}, against a stand-in (WireMock) for the auth-server's token
 * endpoint and the import API: what it sends, with which key and token, and how it follows an import.
 */
@DisplayName("The demo loader")
class DemoLoaderTest {

    static final WireMockServer STAND_IN = new WireMockServer(options().dynamicPort());
    static final UUID IMPORT = UUID.fromString("7a1d3c5e-2b4f-4d6a-8c9e-0f1a2b3c4d5e");
    static final UUID BOOK = UUID.fromString("5f0c6b1e-8f5a-4a8e-9a51-3f1c2d4e5f60");
    static final String IMPORT_PATH = "/api/imports/" + IMPORT;
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        STAND_IN.start();
    }

    @AfterAll
    static void stop() {
        STAND_IN.stop();
    }

    /** A note as the group writes it: the loader sends it as it is, it does not read it. */
    static final String NOTES = """
            # 마이크로서비스 패턴

            **03장. 서비스 구조**

            | 아이템 | 제목 | 페이지 | 작성자 | 완료 |
            | :--- | :--- | ---: | :---: | :---: |
            | 3.1 | 서비스 구조 | 44 | 이상경 | :heavy_check_mark: |
            | 3.2 | 서비스 분해 | 50 | 김새별 | |
            """;

    static final String OTHER_NOTES = """
            # 마이크로서비스 아키텍처 구축

            1장. 마이크로서비스
            - [X] 1.1 마이크로서비스란
            """;

    @BeforeEach
    void theSystemAnswers() {
        STAND_IN.resetAll();
        tokenEndpointAnswers("token-1");
        STAND_IN.stubFor(post(urlPathEqualTo("/api/imports")).willReturn(accepted()));
        STAND_IN.stubFor(get(urlPathEqualTo(IMPORT_PATH)).willReturn(okJson(importAt("COMPLETED", null))));
    }

    private static void tokenEndpointAnswers(String token) {
        STAND_IN.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson("""
                {"access_token": "%s", "token_type": "Bearer", "expires_in": 600, "scope": "imports.write"}""".formatted(token))));
    }

    /** 202, and where to follow the import, as progress-service answers a new import (or the same one again). */
    private static ResponseDefinitionBuilder accepted() {
        return aResponse()
                .withStatus(202)
                .withHeader("Location", IMPORT_PATH)
                .withHeader("Content-Type", "application/json")
                .withBody(importAt("REGISTERING_BOOK", null));
    }

    private static String importAt(String status, String reason) {
        return """
                {"id": "%s", "status": "%s", "bookId": "%s", "title": "마이크로서비스 패턴",
                 "steps": [{"step": "REGISTER_BOOK", "state": "DONE"}], "reason": %s,
                 "createdAt": "2025-01-01T10:00:00Z", "updatedAt": "2025-01-01T10:00:01Z"}""".formatted(IMPORT, status, BOOK, reason == null ? "null" : "\"" + reason + "\"");
    }

    private static DemoLoader loader() {
        return loader(Duration.ofSeconds(10));
    }

    private static DemoLoader loader(Duration timeout) {
        var api = URI.create(STAND_IN.baseUrl());
        var http = RestClient.builder()
                .requestInterceptor(ClientCredentials.bearerToken(
                        api.resolve("/oauth2/token"), "demo-loader", "demo-only-secret", "imports.write"));
        return DemoLoader.connectedTo(http, api, "독자", Map.of("이상경", "sanggyeong"), timeout);
    }

    private static List<LoggedRequest> imports() {
        return STAND_IN.findAll(postRequestedFor(urlPathEqualTo("/api/imports")));
    }

    private static JsonNode body(LoggedRequest request) {
        return JSON.readTree(request.getBodyAsString());
    }

    /** A stub for one state of the scenario: asked there, it answers and moves the scenario on to {@code next}. */
    private static MappingBuilder inTurn(MappingBuilder request, String state, String next) {
        return request.inScenario("in turn").whenScenarioStateIs(state).willSetStateTo(next);
    }

    @Nested
    @DisplayName("one import per note")
    class OneImportPerNote {

        @Test
        @DisplayName("posts the note as written, with the writers' accounts and the reader, and answers its book")
        void postsTheNote() {
            var imported = loader().load(NOTES);

            assertThat(imports()).hasSize(1);
            var sent = body(imports().get(0));
            assertThat(sent.get("notes").asString()).isEqualTo(NOTES);
            assertThat(sent.get("accounts").get("이상경").asString()).isEqualTo("sanggyeong");
            assertThat(sent.get("reader").asString()).isEqualTo("독자");
            assertThat(imported.id()).isEqualTo(IMPORT);
            assertThat(imported.bookId()).isEqualTo(BOOK);
            assertThat(imported.isCompleted()).isTrue();
        }

        @Test
        @DisplayName("its Idempotency-Key comes from the note: the same note, the same key; another note, another")
        void stableKey() {
            loader().load(NOTES);
            loader().load(NOTES);
            loader().load(OTHER_NOTES);

            var keys = imports().stream()
                    .map(request -> request.getHeader("Idempotency-Key"))
                    .toList();
            assertThat(keys).hasSize(3).allMatch(key -> key.matches("seed-[0-9a-f]{64}"));
            assertThat(keys.get(1)).isEqualTo(keys.get(0));
            assertThat(keys.get(2)).isNotEqualTo(keys.get(0));
        }
    }

    @Nested
    @DisplayName("following the import")
    class FollowingTheImport {

        @Test
        @DisplayName("asks where the import is (its Location) until it has ended")
        void pollsUntilCompleted() {
            STAND_IN.stubFor(inTurn(get(urlPathEqualTo(IMPORT_PATH)), Scenario.STARTED, "joining")
                    .willReturn(okJson(importAt("REGISTERING_BOOK", null))));
            STAND_IN.stubFor(inTurn(get(urlPathEqualTo(IMPORT_PATH)), "joining", "ended")
                    .willReturn(okJson(importAt("JOINING_WRITERS", null))));
            STAND_IN.stubFor(inTurn(get(urlPathEqualTo(IMPORT_PATH)), "ended", "ended")
                    .willReturn(okJson(importAt("COMPLETED", null))));

            var imported = loader().load(NOTES);

            assertThat(imported.bookId()).isEqualTo(BOOK);
            STAND_IN.verify(3, getRequestedFor(urlPathEqualTo(IMPORT_PATH)));
        }

        @Test
        @DisplayName("an import that was undone (COMPENSATED) fails the run, with its reason")
        void compensatedFailsLoudly() {
            STAND_IN.stubFor(get(urlPathEqualTo(IMPORT_PATH))
                    .willReturn(okJson(importAt("COMPENSATED", "catalog-service refused the book: title too long"))));

            assertThatThrownBy(() -> loader().load(NOTES))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("COMPENSATED")
                    .hasMessageContaining("catalog-service refused the book: title too long");
        }

        @Test
        @DisplayName("an import that does not end in time fails the run, saying where it stands")
        void timesOut() {
            STAND_IN.stubFor(get(urlPathEqualTo(IMPORT_PATH)).willReturn(okJson(importAt("JOINING_WRITERS", null))));

            assertThatThrownBy(() -> loader(Duration.ofSeconds(1)).load(NOTES))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not end")
                    .hasMessageContaining("JOINING_WRITERS");
        }
    }

    @Nested
    @DisplayName("while the system starts")
    class WhileTheSystemStarts {

        @Test
        @DisplayName("waits through 503 and 404 (no route yet), sending the same import again with the same key")
        void waitsForTheSystem() {
            STAND_IN.stubFor(inTurn(post(urlPathEqualTo("/api/imports")), Scenario.STARTED, "no route")
                    .willReturn(aResponse().withStatus(503)));
            STAND_IN.stubFor(inTurn(post(urlPathEqualTo("/api/imports")), "no route", "up")
                    .willReturn(aResponse().withStatus(404)));
            STAND_IN.stubFor(
                    inTurn(post(urlPathEqualTo("/api/imports")), "up", "up").willReturn(accepted()));

            var imported = loader().load(NOTES);

            assertThat(imported.bookId()).isEqualTo(BOOK);
            assertThat(imports())
                    .hasSize(3)
                    .extracting(request -> request.getHeader("Idempotency-Key"))
                    .containsOnly(DemoLoader.idempotencyKey(NOTES));
        }

        @Test
        @DisplayName("notes the service cannot read (400): fails at once, without sending them again")
        void badNotesFailAtOnce() {
            STAND_IN.stubFor(post(urlPathEqualTo("/api/imports"))
                    .willReturn(aResponse()
                            .withStatus(400)
                            .withHeader("Content-Type", "application/problem+json")
                            .withBody("{\"title\": \"Invalid request\", \"detail\": \"line 3: no chapter\"}")));

            assertThatThrownBy(() -> loader().load(NOTES))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not be started")
                    .hasMessageContaining("line 3: no chapter");
            assertThat(imports()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("as the machine client demo-loader (client credentials)")
    class AsAMachineClient {

        @Test
        @DisplayName("asks the token endpoint once, with its id and secret (HTTP Basic) and the scope imports.write")
        void asksForItsToken() {
            loader().load(NOTES);

            var tokenRequests = STAND_IN.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")));
            assertThat(tokenRequests).hasSize(1);
            var basic =
                    Base64.getEncoder().encodeToString("demo-loader:demo-only-secret".getBytes(StandardCharsets.UTF_8));
            assertThat(tokenRequests.get(0).getHeader("Authorization")).isEqualTo("Basic " + basic);
            assertThat(tokenRequests.get(0).getBodyAsString())
                    .contains("grant_type=client_credentials")
                    .contains("scope=imports.write");
        }

        @Test
        @DisplayName("sends that token with every request to the API")
        void everyRequestCarriesTheToken() {
            loader().load(NOTES);

            assertThat(STAND_IN.findAll(anyRequestedFor(urlPathMatching("/api/.*"))))
                    .hasSize(2)
                    .allSatisfy(request ->
                            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
        }

        @Test
        @DisplayName("a token the API refuses (401) is dropped: the import is sent again with a new one")
        void refusedTokenIsRenewed() {
            STAND_IN.stubFor(inTurn(post(urlPathEqualTo("/api/imports")), Scenario.STARTED, "refused once")
                    .willReturn(aResponse()
                            .withStatus(401)
                            .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
            STAND_IN.stubFor(inTurn(post(urlPathEqualTo("/api/imports")), "refused once", "refused once")
                    .willReturn(accepted()));

            loader().load(NOTES);

            STAND_IN.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
            assertThat(imports()).hasSize(2);
        }
    }

    @Nested
    @DisplayName("as the application, the way compose runs it")
    class AsTheApplication {

        @Test
        @DisplayName("imports both seed notes as written, linking the notes' three writers, with its configured client")
        void fromConfiguration() throws IOException {
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
            assertThat(imports().stream()
                            .map(request -> body(request).get("notes").asString()))
                    .containsExactlyInAnyOrder(
                            seed("000-microservice-structure.md"), seed("002-building-microservices.md"));
            assertThat(imports()).allSatisfy(request -> {
                assertThat(body(request).get("accounts"))
                        .isEqualTo(JSON.valueToTree(Map.of("이상경", "sanggyeong", "김상초", "sangcho", "김태현", "taehyun")));
                assertThat(body(request).get("reader").asString()).isEqualTo("독자");
                assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1");
            });
        }

        private static String seed(String name) throws IOException {
            return new ClassPathResource("seeds/" + name).getContentAsString(StandardCharsets.UTF_8);
        }
    }
}
