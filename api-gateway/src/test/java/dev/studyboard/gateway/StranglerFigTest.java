package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.studyboard.testsupport.TestIssuer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The strangler fig at the gateway, half-way through the move: with DASHBOARD_MOVED_PERCENT=50, some members'
 * dashboards are still composed by the gateway (the old side), the others are answered by progress-service (the
 * new side), and the client gets the same shape from both.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "GATEWAY_RATE_LIMIT=1000",
            "DASHBOARD_MOVED_PERCENT=50",
            "studyboard.composition.part-timeout=1s"
        })
@AutoConfigureWebTestClient
@Import(TestIssuer.Properties.class)
@DisplayName("The strangler fig of the member dashboard, at 50 %")
class StranglerFigTest {

    static final String MEMBER = TestIssuer.shared().member("taehyun");

    static final StandInService MEMBERS = new StandInService("member-service");
    static final StandInService PROGRESS = new StandInService("progress-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        MEMBERS.listIn(registry);
        PROGRESS.listIn(registry);
    }

    @AfterAll
    static void stop() {
        MEMBERS.stop();
        PROGRESS.stop();
    }

    @Autowired
    WebTestClient http;

    @BeforeEach
    void reset() {
        MEMBERS.resetAll();
        PROGRESS.resetAll();
    }

    /** A member whose dashboard path falls in a bucket the given test accepts. */
    private static UUID memberWhoseBucket(IntPredicate accepted) {
        while (true) {
            var id = UUID.randomUUID();
            if (accepted.test(PathShareRoutePredicateFactory.bucketOf(dashboardPath(id)))) {
                return id;
            }
        }
    }

    private static String dashboardPath(UUID memberId) {
        return "/api/dashboard/members/" + memberId;
    }

    /** What the two services know of a member: member-service's record, progress-service's summary. */
    private static void servicesKnow(UUID memberId) {
        MEMBERS.stubFor(get("/api/members/" + memberId).willReturn(okJson("""
                {"id": "%s", "displayName": "김태현", "email": "th@example.org", "status": "ACTIVE",
                 "joinedAt": "2025-03-01T10:00:00Z", "leftAt": null, "version": 2}""".formatted(memberId))));
        PROGRESS.stubFor(
                get("/api/progress/members/" + memberId + "/summary").willReturn(okJson("""
                {"memberId": "%s", "displayName": "김태현", "active": true, "assigned": 2, "inProgress": 0, "done": 1,
                 "work": [{"bookId": "5f0c6b1e-8f5a-4a8e-9a51-3f1c2d4e5f60", "bookTitle": "그림으로 공부하는 마이크로 서비스 구조",
                           "item": "4.9", "sectionTitle": "리팩터링 패턴", "status": "DONE"},
                          {"bookId": "5f0c6b1e-8f5a-4a8e-9a51-3f1c2d4e5f60", "bookTitle": "그림으로 공부하는 마이크로 서비스 구조",
                           "item": "5.3", "sectionTitle": "서버리스", "status": "TODO"}]}""".formatted(memberId))));
    }

    private JsonNode dashboard(UUID memberId) {
        return http.get()
                .uri(dashboardPath(memberId))
                .header(HttpHeaders.AUTHORIZATION, MEMBER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    @Nested
    @DisplayName("a member still on the old side")
    class OldSide {

        final UUID memberId = memberWhoseBucket(bucket -> bucket >= 50);

        @Test
        @DisplayName("is answered by the gateway's composition: member-service and progress-service are both asked")
        void composed() {
            servicesKnow(memberId);

            var answer = dashboard(memberId);

            assertThat(answer.at("/member/displayName").asString()).isEqualTo("김태현");
            assertThat(answer.at("/work/done").asInt()).isEqualTo(1);
            MEMBERS.verify(1, getRequestedFor(urlPathEqualTo("/api/members/" + memberId)));
            PROGRESS.verify(1, getRequestedFor(urlPathEqualTo("/api/progress/members/" + memberId + "/summary")));
        }

        @Test
        @DisplayName("still gets a partial answer when member-service is down, as before the move")
        void partialAsBefore() {
            servicesKnow(memberId);
            MEMBERS.stubFor(
                    get("/api/members/" + memberId).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            var answer = dashboard(memberId);

            assertThat(answer.get("partial").asBoolean()).isTrue();
            assertThat(answer.get("unavailable").get(0).asString()).isEqualTo("member-service");
        }
    }

    @Nested
    @DisplayName("a member moved to the new side")
    class NewSide {

        final UUID memberId = memberWhoseBucket(bucket -> bucket < 50);

        @Test
        @DisplayName("is answered by progress-service alone, from its own replica of the members")
        void answeredByProgressService() {
            servicesKnow(memberId);

            var answer = dashboard(memberId);

            assertThat(answer.get("memberId").asString()).isEqualTo(memberId.toString());
            assertThat(answer.at("/member/displayName").asString()).isEqualTo("김태현");
            assertThat(answer.at("/member/status").asString()).isEqualTo("ACTIVE");
            assertThat(answer.at("/work/done").asInt()).isEqualTo(1);
            assertThat(answer.get("partial").asBoolean()).isFalse();
            MEMBERS.verify(0, anyRequestedFor(anyUrl()));
            PROGRESS.verify(1, getRequestedFor(urlPathEqualTo("/api/progress/members/" + memberId + "/summary")));
        }

        @Test
        @DisplayName("stays there: every request of the same member goes to the new side")
        void sticky() {
            servicesKnow(memberId);

            for (int request = 0; request < 5; request++) {
                dashboard(memberId);
            }

            MEMBERS.verify(0, anyRequestedFor(anyUrl()));
            PROGRESS.verify(5, getRequestedFor(urlPathEqualTo("/api/progress/members/" + memberId + "/summary")));
        }

        @Test
        @DisplayName("a member progress-service does not know: its 404 problem passes through unchanged")
        void unknownMember() {
            PROGRESS.stubFor(get("/api/progress/members/" + memberId + "/summary")
                    .willReturn(aResponse()
                            .withStatus(404)
                            .withHeader("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                            .withBody("{\"title\": \"Not Found\", \"status\": 404, \"detail\": \"No member " + memberId
                                    + "\"}")));

            http.get()
                    .uri(dashboardPath(memberId))
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("No member " + memberId);
        }

        @Test
        @DisplayName("progress-service down: 503 problem details naming it, like every other route")
        void progressServiceDown() {
            PROGRESS.stubFor(get(urlPathEqualTo("/api/progress/members/" + memberId + "/summary"))
                    .willReturn(aResponse().withStatus(503)));

            http.get()
                    .uri(dashboardPath(memberId))
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.service")
                    .isEqualTo("progress-service");
        }
    }

    @Test
    @DisplayName("both sides answer in the same shape: the client cannot tell which one did")
    void sameShape() {
        var old = memberWhoseBucket(bucket -> bucket >= 50);
        var moved = memberWhoseBucket(bucket -> bucket < 50);
        servicesKnow(old);
        servicesKnow(moved);

        var oldAnswer = dashboard(old);
        var newAnswer = dashboard(moved);

        assertThat(fieldPaths(newAnswer))
                .isEqualTo(fieldPaths(oldAnswer))
                .contains("/memberId", "/member/id", "/member/displayName", "/member/status", "/work/done", "/partial");
        assertThat(newAnswer.get("member").get("id").asString()).isEqualTo(moved.toString());
        assertThat(newAnswer.at("/work/work")).isEqualTo(oldAnswer.at("/work/work"));
        assertThat(List.of(
                        newAnswer.get("partial").asBoolean(),
                        oldAnswer.get("partial").asBoolean()))
                .containsOnly(false);
    }

    /** Every field of a JSON tree as a JSON pointer (array elements as /0, /1, ...). */
    private static Set<String> fieldPaths(JsonNode node) {
        var paths = new TreeSet<String>();
        collect("", node, paths);
        return paths;
    }

    private static void collect(String prefix, JsonNode node, Set<String> paths) {
        if (node.isObject()) {
            for (var property : node.properties()) {
                paths.add(prefix + "/" + property.getKey());
                collect(prefix + "/" + property.getKey(), property.getValue(), paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(prefix + "/" + i, node.get(i), paths);
            }
        }
    }
}
