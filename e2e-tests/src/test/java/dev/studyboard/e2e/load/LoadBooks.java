package dev.studyboard.e2e.load;

import static org.awaitility.Awaitility.await;

import dev.studyboard.testsupport.BrowserlessLogin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The two books a load run works on, registered by the organizer before it and removed after it, so that a run
 * leaves the demo data as it found it: the workers' book, whose sections the workers take and complete, and the
 * organizer's, which the organizer edits. Removing a book also ends the work on its sections (progress-service).
 *
 * <p>Plain blocking calls: they run in the simulation's {@code before} and {@code after}, outside the load.
 */
public final class LoadBooks {

    /** The titles of every load run's books begin so: {@code 부하 테스트 …}. */
    public static final String TITLE_PREFIX = "부하 테스트";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int SECTIONS_PER_CHAPTER = 100;

    private final LoadSettings settings;
    private final RestClient gateway;

    LoadBooks(LoadSettings settings) {
        this.settings = settings;
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.gateway = RestClient.builder()
                .baseUrl(settings.gateway().toString())
                .requestFactory(requests)
                .build();
    }

    /** The ids of a run's books. */
    record Books(UUID work, UUID edited) {}

    /** Registers both books and returns once both are on the board (progress-service learns of them by Kafka). */
    Books register() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var organizer = signInAsOrganizer();
        var books = new Books(
                register(organizer, TITLE_PREFIX + " " + run + ": 함께 쓰는 책", workChapters()),
                register(organizer, TITLE_PREFIX + " " + run + ": 운영자가 고치는 책", List.of(chapter(1, 1))));
        await("the load run's books on the board")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> onBoard(books.work()) && onBoard(books.edited()));
        return books;
    }

    /** Removes both books, each with the version it has now (If-Match). */
    void remove(Books books) {
        var organizer = signInAsOrganizer(); // anew: the run may have outlived the first token
        for (var book : List.of(books.work(), books.edited())) {
            var version = gateway.get()
                    .uri("/api/catalog/books/{id}", book)
                    .retrieve()
                    .toBodilessEntity()
                    .getHeaders()
                    .getETag();
            gateway.delete()
                    .uri("/api/catalog/books/{id}", book)
                    .header(HttpHeaders.AUTHORIZATION, organizer)
                    .header(HttpHeaders.IF_MATCH, version)
                    .retrieve()
                    .toBodilessEntity();
        }
    }

    private UUID register(String organizer, String title, List<Map<String, Object>> chapters) {
        var book = gateway.post()
                .uri("/api/catalog/books")
                .header(HttpHeaders.AUTHORIZATION, organizer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "authors", List.of("스터디 운영자"), "chapters", chapters))
                .retrieve()
                .body(JsonNode.class);
        return UUID.fromString(book.get("id").asString());
    }

    /** {@code settings.sections()} sections, a hundred to a chapter: 1.1 … 1.100, 2.1 … */
    private List<Map<String, Object>> workChapters() {
        var chapters = new ArrayList<Map<String, Object>>();
        for (int left = settings.sections(), number = 1; left > 0; left -= SECTIONS_PER_CHAPTER, number++) {
            chapters.add(chapter(number, Math.min(left, SECTIONS_PER_CHAPTER)));
        }
        return chapters;
    }

    private static Map<String, Object> chapter(int number, int sections) {
        var items = IntStream.rangeClosed(1, sections)
                .mapToObj(n -> Map.<String, Object>of("item", number + "." + n, "title", "절 " + number + "." + n))
                .toList();
        return Map.of("number", number, "title", number + "장", "sections", items);
    }

    private boolean onBoard(UUID book) {
        return gateway.get()
                .uri("/api/progress/books/{id}/board", book)
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {})
                .toBodilessEntity()
                .getStatusCode()
                .is2xxSuccessful();
    }

    /** The organizer's login, as the e2e tests do it (Swagger UI's client, authorization code + PKCE). */
    private String signInAsOrganizer() {
        return new BrowserlessLogin(
                        settings.authServer(), SignIn.CLIENT, settings.gateway().resolve(SignIn.REDIRECT_PATH))
                .login("organizer", settings.password())
                .bearer();
    }
}
