package dev.studyboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.e2e.load.LoadBooks;
import dev.studyboard.e2e.load.LoadSettings;
import dev.studyboard.e2e.load.StudyBoardSimulation;
import io.gatling.app.Gatling$;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * CI's smoke run of the load test (issue 17): {@link StudyBoardSimulation}, the simulation of the full run, with three
 * readers and three workers for twenty seconds on the composed system. Gatling prints its figures as it runs and
 * writes its HTML report to {@code target/gatling/}; its exit status says whether its assertions held (no failed
 * request, p99 within the target, sections completed).
 */
@ExtendWith(ComposeStack.Started.class)
@DisplayName("The load test, a short run on the composed system")
class LoadSmokeIT {

    private static final ComposeStack STACK = ComposeStack.shared();
    /** Gatling's exit status when every assertion held; 2 when one failed. */
    private static final int ASSERTIONS_HELD = 0;

    @Test
    @DisplayName(
            "StudyBoardSimulation, three users in each scenario: Gatling's assertions hold, and its books are gone")
    void smokeRun() throws Exception {
        // given the composed system with its demo data, and the smoke run's settings
        var settings = LoadSettings.smoke(STACK.gateway(), STACK.authServer(), ComposeStack.DEMO_PASSWORD);
        var results = new File(System.getProperty("studyboard.root", ".."), "e2e-tests/target/gatling");

        // when Gatling runs the simulation, as the Maven plugin would
        int status = withSystemProperties(
                settings.asProperties(),
                () -> Gatling$.MODULE$.fromArgs(new String[] {
                    "--simulation", StudyBoardSimulation.class.getName(),
                    "--results-folder", results.getAbsolutePath(),
                    "--run-description", "LoadSmokeIT"
                }));

        // then its assertions held, and it took its books away again (the other tests count on the demo data)
        assertThat(status)
                .as("Gatling's exit status (its assertions are in the summary above; report in %s)", results)
                .isEqualTo(ASSERTIONS_HELD);
        await("the load run's books gone from the board")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () -> assertThat(boardTitles()).noneMatch(title -> title.startsWith(LoadBooks.TITLE_PREFIX)));
    }

    private static List<String> boardTitles() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(STACK.gateway() + "/api/progress/books"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body()).findValuesAsString("title");
    }

    /** Gatling creates the simulation itself, which reads its settings from system properties: set for the run. */
    private static int withSystemProperties(Map<String, String> properties, IntSupplier run) {
        var before = new HashMap<String, String>();
        properties.forEach((name, value) -> before.put(name, System.setProperty(name, value)));
        try {
            return run.getAsInt();
        } finally {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }
}
