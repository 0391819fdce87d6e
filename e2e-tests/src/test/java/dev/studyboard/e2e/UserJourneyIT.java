package dev.studyboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a user does first, end to end: {@code docker compose up --build}, the demo data, then the REST API
 * through the gateway only. Then member-service goes down and comes back, and nothing else is restarted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("A user of the composed system, through the gateway")
class UserJourneyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ComposeStack STACK = new ComposeStack();
    private static RestClient gateway;

    private static UUID bookId;
    private static UUID memberId;

    @BeforeAll
    static void startSystem() {
        STACK.up();
        STACK.loadDemoData();
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(15));
        gateway = RestClient.builder()
                .baseUrl(STACK.gateway().toString())
                .requestFactory(requests)
                // status codes are what these tests look at: do not turn them into exceptions
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    @AfterAll
    static void stopSystem() {
        if (!Boolean.getBoolean("e2e.keep")) {
            STACK.down();
        }
    }

    @Test
    @Order(1)
    @DisplayName("sees the demo data: the seed 000 board, as the notes have it")
    void demoData() {
        var books = gateway.get().uri("/api/progress/books").retrieve().body(JsonNode.class);
        var seed = find(books, "그림으로 공부하는 마이크로 서비스 구조");
        var markdown = gateway.get()
                .uri(
                        "/api/progress/books/{id}/board?format=markdown",
                        seed.get("bookId").asString())
                .retrieve()
                .body(String.class);

        assertThat(markdown).contains("| 3.1 | 서비스 구조 | 44 | 이상경 | :heavy_check_mark: |");
        assertThat(find(books, "마이크로서비스 아키텍처 구축").get("done").asInt()).isGreaterThan(0);
    }

    @Test
    @Order(2)
    @DisplayName("registers a book, adds a member, assigns, completes, and sees it on the board (JSON and Markdown)")
    void journey() {
        var book = gateway.post()
                .uri("/api/catalog/books")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "title",
                        "E2E " + UUID.randomUUID(),
                        "authors",
                        List.of("Sam Newman"),
                        "chapters",
                        List.of(Map.of(
                                "number",
                                8,
                                "title",
                                "모니터링",
                                "sections",
                                List.of(Map.of("item", "8.7", "title", "합성 모니터링", "page", 250))))))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(book.getStatusCode().value()).isEqualTo(201);
        bookId = UUID.fromString(book.getBody().get("id").asString());
        var member = gateway.post()
                .uri("/api/members")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("displayName", "김태현"))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(member.getStatusCode().value()).isEqualTo(201);
        memberId = UUID.fromString(member.getBody().get("id").asString());

        await().atMost(TIMEOUT)
                .until(() -> status("/api/progress/books/" + bookId + "/board") == 200
                        && status("/api/progress/members/" + memberId + "/summary") == 200);
        assertThat(gateway.put()
                        .uri("/api/progress/books/{b}/sections/8.7/assignee", bookId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("memberId", memberId))
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(post("/api/progress/books/" + bookId + "/sections/8.7/start"))
                .isEqualTo(200);
        assertThat(post("/api/progress/books/" + bookId + "/sections/8.7/complete"))
                .isEqualTo(200);

        var board = gateway.get()
                .uri("/api/progress/books/{b}/board", bookId)
                .retrieve()
                .body(JsonNode.class);
        assertThat(board.at("/chapters/0/rows/0/writer").asString()).isEqualTo("김태현");
        assertThat(board.at("/chapters/0/rows/0/status").asString()).isEqualTo("DONE");
        var markdown = gateway.get()
                .uri("/api/progress/books/{b}/board", bookId)
                .accept(MediaType.parseMediaType("text/markdown"))
                .retrieve()
                .body(String.class);
        assertThat(markdown).contains("| 8.7 | 합성 모니터링 | 250 | 김태현 | :heavy_check_mark: |");
    }

    @Test
    @Order(3)
    @DisplayName("with member-service stopped: member routes answer 503 problem details, boards still render")
    void memberServiceDown() {
        STACK.stop("member-service");

        var members = gateway.get().uri("/api/members").retrieve().toEntity(JsonNode.class);
        assertThat(members.getStatusCode().value()).isEqualTo(503);
        assertThat(members.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(members.getBody().get("service").asString()).isEqualTo("member-service");
        assertThat(status("/api/progress/books/" + bookId + "/board")).isEqualTo(200);
        var dashboard = gateway.get()
                .uri("/api/dashboard/members/{id}", memberId)
                .retrieve()
                .body(JsonNode.class);
        assertThat(dashboard.get("partial").asBoolean()).isTrue();
        assertThat(dashboard.at("/work/done").asInt()).isEqualTo(1);
    }

    @Test
    @Order(4)
    @DisplayName("with member-service started again: everything recovers, nothing else restarted")
    void memberServiceBack() {
        STACK.start("member-service");

        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> status("/api/members/" + memberId) == 200);
        // The write path is back too: an invalid write is answered by member-service itself (400, nothing
        // stored), once the route's circuit breaker lets calls through again.
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2)).until(() -> post("/api/members", "{}") == 400);
        var member = gateway.post()
                .uri("/api/members")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("displayName", "복귀한 회원"))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(member.getStatusCode().value()).isEqualTo(201);
        var newMember = member.getBody().get("id").asString();
        await().atMost(TIMEOUT).until(() -> status("/api/progress/members/" + newMember + "/summary") == 200);
        var dashboard = gateway.get()
                .uri("/api/dashboard/members/{id}", memberId)
                .retrieve()
                .body(JsonNode.class);
        assertThat(dashboard.get("partial").asBoolean()).isFalse();
    }

    @Test
    @Order(5)
    @DisplayName(
            "an operator follows a request in Zipkin, sees every service in Prometheus and the synthetic journey up")
    void observed() throws IOException {
        // one trace: the gateway, catalog-service, its outbox relay and progress-service's consumer
        var traceId = "e2e" + UUID.randomUUID().toString().replace("-", "").substring(3);
        var created = gateway.post()
                .uri("/api/catalog/books")
                .contentType(MediaType.APPLICATION_JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Map.of(
                        "title",
                        "Traced " + UUID.randomUUID(),
                        "authors",
                        List.of("Sam Newman"),
                        "chapters",
                        List.of(Map.of(
                                "number",
                                8,
                                "title",
                                "모니터링",
                                "sections",
                                List.of(Map.of("item", "8.4", "title", "상관관계 ID", "page", 282))))))
                .retrieve()
                .toBodilessEntity();
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        var zipkin = RestClient.create(STACK.zipkin().toString());
        await("the trace in Zipkin")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(zipkin.get()
                                .uri("/api/v2/trace/{id}", traceId)
                                .retrieve()
                                .body(JsonNode.class)
                                .findValues("localEndpoint"))
                        .extracting(endpoint -> endpoint.path("serviceName").asString())
                        .contains("api-gateway", "catalog-service", "progress-service"));

        // metrics: Prometheus found the services through Eureka and scrapes them; users' journey is up
        var prometheus = RestClient.create(STACK.prometheus().toString());
        await("the services scraped")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(query(prometheus, "up{job=\"study-board\"} == 1")
                                .findValuesAsString("service"))
                        .contains("api-gateway", "catalog-service", "member-service", "progress-service"));
        await("the synthetic journey up")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(query(prometheus, "synthetic_journey_up")
                                .at("/0/value/1")
                                .asString())
                        .isEqualTo("1"));
        assertThat(query(prometheus, "outbox_events_published_total").size()).isGreaterThanOrEqualTo(3);
        // the Grafana dashboard asks only for series that exist (Grafana itself is not started here)
        assertThat(dashboardMetricNames())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(query(prometheus, name).size())
                        .as("series named %s", name)
                        .isPositive());
        // so do the alert rules: a rule on a missing series never fires, and inside absent() it always would
        assertThat(alertRuleMetricNames())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(query(prometheus, name).size())
                        .as("series named %s, read by an alert rule", name)
                        .isPositive());

        // logs: JSON lines with the trace id; the audit entry of the request names it
        var catalogLog = STACK.logs("catalog-service");
        assertThat(catalogLog.lines().filter(line -> line.contains(traceId)))
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                "{\"@timestamp\"",
                                "\"traceId\":\"" + traceId,
                                "\"logger\":\"audit\"",
                                "POST /api/catalog/books"));
    }

    /** Metric names in the dashboard's PromQL: identifiers followed by a selector or range, or alone in parentheses. */
    private static Set<String> dashboardMetricNames() {
        var file =
                Path.of(System.getProperty("studyboard.root", ".."), "monitoring/grafana/dashboards/study-board.json");
        var dashboard = JsonMapper.builder().build().readTree(file.toFile());
        var name = Pattern.compile("([a-z][a-z0-9]*_[a-z0-9_]+)(?=[{\\[])|\\(([a-z][a-z0-9]*_[a-z0-9_]+)\\)");
        var names = new TreeSet<String>();
        for (var expression : dashboard.findValuesAsString("expr")) {
            var matcher = name.matcher(expression);
            while (matcher.find()) {
                names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        }
        return names;
    }

    /** Metric names in the alert rules' PromQL, read by {@link PromQl}. */
    private static Set<String> alertRuleMetricNames() throws IOException {
        var file = Path.of(System.getProperty("studyboard.root", ".."), "monitoring/prometheus/alerts.yml");
        return PromQl.alertMetricNames(Files.readString(file));
    }

    /** The result vector of an instant PromQL query. */
    private static JsonNode query(RestClient prometheus, String promQl) {
        return prometheus
                .get()
                .uri(builder ->
                        builder.path("/api/v1/query").queryParam("query", "{q}").build(promQl))
                .retrieve()
                .body(JsonNode.class)
                .at("/data/result");
    }

    private static int status(String path) {
        return gateway.get()
                .uri(path)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    private static int post(String path) {
        return gateway.post()
                .uri(path)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    private static int post(String path, String json) {
        return gateway.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    private static JsonNode find(JsonNode books, String title) {
        for (var book : books) {
            if (title.equals(book.get("title").asString())) {
                return book;
            }
        }
        throw new AssertionError("No book '" + title + "' on the board: " + books);
    }
}
