package dev.studyboard.synthetic;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Synthetic monitoring: what a study member does first, done on a schedule through the gateway:
 * list the books, then open a book's board as the Markdown table of the notes, anonymously as a visitor does;
 * then one read that needs a valid token, with the check's own (client {@code synthetic-check}, scope
 * {@code studyboard.read}), so a broken sign-in path (auth-server down, keys or issuer not accepted) fails the
 * journey too. It only reads, so it can run against production without leaving anything behind.
 *
 * <p>Each run is timed in {@code synthetic.journey} (tag {@code outcome}: success or failure), and
 * {@code synthetic.journey.up} is 1 while the last run succeeded: an alert on it fires when users would be
 * failing, whatever the cause, even at night with no users.
 */
@Component
class StudyBoardJourney {

    private static final Logger log = LoggerFactory.getLogger(StudyBoardJourney.class);

    /** The client registration (spring.security.oauth2.client.registration.synthetic-check) of the check's token. */
    static final String CLIENT = "synthetic-check";

    private final RestClient gateway;
    private final RestClient signedIn;
    private final MeterRegistry meters;
    private final AtomicInteger up;

    /**
     * {@code http}: Spring Boot's builder, with the timeouts of {@code spring.http.clients} and tracing;
     * {@code registrations} and {@code tokens}: Spring Boot's, from {@code spring.security.oauth2.client.*}.
     */
    StudyBoardJourney(
            RestClient.Builder http,
            SyntheticCheckProperties properties,
            MeterRegistry meters,
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService tokens) {
        this.gateway = http.clone().baseUrl(properties.gatewayUrl().toString()).build();
        this.signedIn = http.clone()
                .baseUrl(properties.gatewayUrl().toString())
                .requestInterceptor(ClientCredentials.bearerToken(registrations, tokens, CLIENT))
                .build();
        this.meters = meters;
        this.up = meters.gauge("synthetic.journey.up", new AtomicInteger(0));
    }

    /** On the schedule (the long-running mode); {@link OneWalk} calls {@link #run()} once instead. */
    @Scheduled(
            fixedDelayString = "${studyboard.synthetic.interval}",
            initialDelayString = "${studyboard.synthetic.interval}")
    void onSchedule() {
        run();
    }

    /** Walks the journey once and records the outcome; true if it succeeded. */
    boolean run() {
        var sample = Timer.start(meters);
        var outcome = "failure";
        try {
            walk();
            outcome = "success";
            up.set(1);
            return true;
        } catch (RuntimeException e) {
            up.set(0);
            log.warn("Synthetic journey failed: {}", e.toString());
            return false;
        } finally {
            sample.stop(Timer.builder("synthetic.journey")
                    .description(
                            "One synthetic walk through the gateway: list the books, open a board, one signed-in read")
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }

    private void walk() {
        gateway.get().uri("/api/catalog/books?size=1").retrieve().toBodilessEntity();
        signedIn.get().uri("/api/members?size=1").retrieve().toBodilessEntity(); // 401 without a valid token
        // Open a board progress-service knows already (a book registered a moment ago may still be on its way).
        var boards = gateway.get().uri("/api/progress/books").retrieve().body(JsonNode.class);
        var first = boards.path(0);
        if (first.isMissingNode()) {
            return; // nothing registered yet: both lists answered, which is the whole journey for now
        }
        var bookId = first.get("bookId").asString();
        var board = gateway.get()
                .uri("/api/progress/books/{id}/board", bookId)
                .accept(MediaType.parseMediaType("text/markdown"))
                .retrieve()
                .body(String.class);
        if (board == null || !board.contains("|")) {
            throw new IllegalStateException("The board of book " + bookId + " is not a table");
        }
    }
}
