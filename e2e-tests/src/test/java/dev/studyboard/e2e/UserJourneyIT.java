package dev.studyboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.testsupport.BrowserlessLogin;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a user does first, end to end: {@code docker compose up --build}, the demo data, then the REST API
 * through the gateway only, signed in through the auth-server's real login as the demo accounts. Then
 * member-service goes down and comes back, and nothing else is restarted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ComposeStack.Started.class)
@DisplayName("A user of the composed system, through the gateway")
class UserJourneyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ComposeStack STACK = ComposeStack.shared();
    private static RestClient gateway;

    /** The book the journey registers: 8.7 is for 이상경 (sanggyeong), 8.8 for 김태현 (taehyun). */
    private static UUID bookId;

    private static UUID memberId;

    @BeforeAll
    static void connect() {
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

    /**
     * The demo account's login at the auth-server (authorization code + PKCE, as Swagger UI's "Authorize" does it),
     * fresh for each use: an access token lives 10 minutes, and the journey takes longer.
     */
    private static String signIn(String username) {
        return new BrowserlessLogin(STACK.authServer(), "swagger-ui", STACK.swaggerRedirect())
                .login(username, ComposeStack.DEMO_PASSWORD)
                .bearer();
    }

    @Test
    @Order(1)
    @DisplayName("sees the demo data, imported through the gateway, as the notes have it: row for row, task for task")
    void demoData() throws IOException {
        var books = gateway.get().uri("/api/progress/books").retrieve().body(JsonNode.class);
        var markdown = board(find(books, "그림으로 공부하는 마이크로 서비스 구조"), "markdown");
        var checklist = board(find(books, "마이크로서비스 아키텍처 구축"), "checklist");

        assertThat(markdown).contains("| 3.1 | 서비스 구조 | 44 | 이상경 | :heavy_check_mark: |");
        assertThat(SeedRows.tableRows(markdown))
                .hasSize(37)
                .containsExactlyElementsOf(SeedRows.tableRows(SeedRows.seed("000-microservice-structure.md")));
        assertThat(SeedRows.tasks(checklist))
                .isNotEmpty()
                .containsExactlyElementsOf(SeedRows.tasks(SeedRows.seed("002-building-microservices.md")));
    }

    private String board(JsonNode book, String format) {
        return gateway.get()
                .uri(
                        "/api/progress/books/{id}/board?format={format}",
                        book.get("bookId").asString(),
                        format)
                .retrieve()
                .body(String.class);
    }

    @Test
    @Order(2)
    @DisplayName("a write without a token: 401 problem details from the gateway, with WWW-Authenticate: Bearer")
    void noToken() {
        var response = gateway.post()
                .uri("/api/catalog/books")
                .contentType(MediaType.APPLICATION_JSON)
                .body(aBook("8.7"))
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    @Order(3)
    @DisplayName("the actuator is off the public path: 404 through the gateway, and no management port on the host")
    void actuatorNotPublic() {
        for (var path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/metrics", "/actuator/env")) {
            assertThat(status(path)).as(path).isEqualTo(404);
        }
        var managementPorts = Map.of(
                "api-gateway", 9080,
                "catalog-service", 9081,
                "member-service", 9082,
                "progress-service", 9083,
                "auth-server", 9001,
                "synthetic-check", 9091);
        managementPorts.forEach((service, port) -> assertThat(STACK.publishedPort(service, port))
                .as("%s's management port %d published on the host", service, port)
                .isEmpty());
        assertThat(STACK.publishedPort("api-gateway", 8080))
                .as("the gateway itself")
                .isPresent();
    }

    @Test
    @Order(4)
    @DisplayName("logs in as 이상경, takes a free section and completes it; the board and the audit log name her")
    void journey() {
        // the organizer registers a book (an organizer's job)
        var book = gateway.post()
                .uri("/api/catalog/books")
                .header(HttpHeaders.AUTHORIZATION, signIn("organizer"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(aBook("8.7", "8.8"))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(book.getStatusCode().value()).isEqualTo(201);
        bookId = UUID.fromString(book.getBody().get("id").asString());

        // 이상경 signs in through the real login: she is the member the demo loader linked to her account
        var sanggyeong = signIn("sanggyeong");
        var me = gateway.get()
                .uri("/api/members/me")
                .header(HttpHeaders.AUTHORIZATION, sanggyeong)
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody().get("displayName").asString()).isEqualTo("이상경");
        memberId = UUID.fromString(me.getBody().get("id").asString());

        await().atMost(TIMEOUT).until(() -> status("/api/progress/books/" + bookId + "/board") == 200);
        assertThat(post("/api/progress/books/" + bookId + "/sections/8.7/take", sanggyeong))
                .isEqualTo(200);
        assertThat(post("/api/progress/books/" + bookId + "/sections/8.7/start", sanggyeong))
                .isEqualTo(200);
        assertThat(post("/api/progress/books/" + bookId + "/sections/8.7/complete", sanggyeong))
                .isEqualTo(200);

        var board = gateway.get()
                .uri("/api/progress/books/{b}/board", bookId)
                .retrieve()
                .body(JsonNode.class);
        assertThat(board.at("/chapters/0/rows/0/writer").asString()).isEqualTo("이상경");
        assertThat(board.at("/chapters/0/rows/0/status").asString()).isEqualTo("DONE");
        var markdown = gateway.get()
                .uri("/api/progress/books/{b}/board", bookId)
                .accept(MediaType.parseMediaType("text/markdown"))
                .retrieve()
                .body(String.class);
        assertThat(markdown).contains("| 8.7 | 합성 모니터링 | 250 | 이상경 | :heavy_check_mark: |");

        // the audit log of the service that owns the work names who completed it: her account, from her token
        var completed = "POST /api/progress/books/" + bookId + "/sections/8.7/complete";
        await("the audit line")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(STACK.logs("progress-service").lines())
                        .anySatisfy(line -> assertThat(line)
                                .contains("\"logger\":\"audit\"", completed + " by sanggyeong -> 200")));
    }

    @Test
    @Order(5)
    @DisplayName("a member writing the catalog (an organizer's job): 403 problem details")
    void wrongRole() {
        var response = gateway.post()
                .uri("/api/catalog/books")
                .header(HttpHeaders.AUTHORIZATION, signIn("sanggyeong"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(aBook("8.7"))
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @Order(6)
    @DisplayName("a member completing another member's assignment: 403 problem details, and it stays as it was")
    void notYourWork() {
        var taehyun = signIn("taehyun");
        assertThat(post("/api/progress/books/" + bookId + "/sections/8.8/take", taehyun))
                .isEqualTo(200);
        assertThat(post("/api/progress/books/" + bookId + "/sections/8.8/start", taehyun))
                .isEqualTo(200);

        var response = gateway.post()
                .uri("/api/progress/books/{b}/sections/8.8/complete", bookId)
                .header(HttpHeaders.AUTHORIZATION, signIn("sanggyeong"))
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        var section = gateway.get()
                .uri("/api/progress/books/{b}/sections/8.8", bookId)
                .retrieve()
                .body(JsonNode.class);
        assertThat(section.get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    @Order(7)
    @DisplayName("with member-service stopped: member routes answer 503 problem details, boards still render")
    void memberServiceDown() {
        var done = gateway.get()
                .uri("/api/progress/members/{id}/summary", memberId)
                .retrieve()
                .body(JsonNode.class)
                .get("done")
                .asInt();
        var sanggyeong = signIn("sanggyeong");
        STACK.stop("member-service");

        var members = gateway.get()
                .uri("/api/members")
                .header(HttpHeaders.AUTHORIZATION, sanggyeong)
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(members.getStatusCode().value()).isEqualTo(503);
        assertThat(members.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(members.getBody().get("service").asString()).isEqualTo("member-service");
        assertThat(status("/api/progress/books/" + bookId + "/board")).isEqualTo(200);
        var dashboard = gateway.get()
                .uri("/api/dashboard/members/{id}", memberId)
                .header(HttpHeaders.AUTHORIZATION, sanggyeong)
                .retrieve()
                .body(JsonNode.class);
        assertThat(dashboard.get("partial").asBoolean()).isTrue();
        assertThat(dashboard.at("/work/done").asInt()).isEqualTo(done).isPositive();
    }

    @Test
    @Order(8)
    @DisplayName("with member-service started again: everything recovers, nothing else restarted")
    void memberServiceBack() {
        STACK.start("member-service");
        var organizer = signIn("organizer");

        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> status("/api/members/" + memberId, organizer) == 200);
        // The write path is back too: an invalid write is answered by member-service itself (400, nothing
        // stored), once the route's circuit breaker lets calls through again.
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> post("/api/members", "{}", organizer) == 400);
        var member = gateway.post()
                .uri("/api/members")
                .header(HttpHeaders.AUTHORIZATION, organizer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("displayName", "복귀한 회원"))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(member.getStatusCode().value()).isEqualTo(201);
        var newMember = member.getBody().get("id").asString();
        await().atMost(TIMEOUT).until(() -> status("/api/progress/members/" + newMember + "/summary") == 200);
        var dashboard = gateway.get()
                .uri("/api/dashboard/members/{id}", memberId)
                .header(HttpHeaders.AUTHORIZATION, organizer)
                .retrieve()
                .body(JsonNode.class);
        assertThat(dashboard.get("partial").asBoolean()).isFalse();
    }

    @Test
    @Order(9)
    @DisplayName(
            "an operator follows a request in Zipkin, sees every service in Prometheus and the synthetic journey up")
    void observed() throws IOException {
        // one trace: the gateway, catalog-service, its outbox relay and progress-service's consumer
        var traceId = "e2e" + UUID.randomUUID().toString().replace("-", "").substring(3);
        var created = gateway.post()
                .uri("/api/catalog/books")
                .header(HttpHeaders.AUTHORIZATION, signIn("organizer"))
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

        // metrics: Prometheus found the services through Eureka and scrapes them; users' journey is up (the
        // synthetic check's signed-in read included, so its token path works too)
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

        // logs: JSON lines with the trace id; the audit entry of the request names it, and who made it
        var catalogLog = STACK.logs("catalog-service");
        assertThat(catalogLog.lines().filter(line -> line.contains(traceId)))
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                "{\"@timestamp\"",
                                "\"traceId\":\"" + traceId,
                                "\"logger\":\"audit\"",
                                "POST /api/catalog/books by organizer"));
    }

    /** A new book of chapter 8 with these sections (8.7, 8.8, ...). */
    private static Map<String, Object> aBook(String... items) {
        var titles = Map.of("8.7", "합성 모니터링", "8.8", "시맨틱 모니터링");
        var pages = Map.of("8.7", 250, "8.8", 253);
        var sections = java.util.Arrays.stream(items)
                .map(item -> Map.<String, Object>of("item", item, "title", titles.get(item), "page", pages.get(item)))
                .toList();
        return Map.of(
                "title",
                "E2E " + UUID.randomUUID(),
                "authors",
                List.of("Sam Newman"),
                "chapters",
                List.of(Map.of("number", 8, "title", "모니터링", "sections", sections)));
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
        return status(path, null);
    }

    private static int status(String path, String authorization) {
        return gateway.get()
                .uri(path)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    private static int post(String path, String authorization) {
        return gateway.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    private static int post(String path, String json, String authorization) {
        return gateway.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, authorization)
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
