package dev.studyboard.synthetic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

/**
 * The synthetic check as a job (the {@code once} profile, as the Kubernetes CronJob runs it): one walk, then the
 * process ends, and its exit code says how the walk went. The process is started for real, as a separate JVM. One
 * stand-in (WireMock) plays the gateway and the auth-server's token endpoint.
 */
@DisplayName("The synthetic check run once, as a job")
class OneWalkTest {

    static final WireMockServer GATEWAY = new WireMockServer(options().dynamicPort());
    static final String BOOK = "5f0c6b1e-8f5a-4a8e-9a51-3f1c2d4e5f60";

    static {
        GATEWAY.start();
    }

    @AfterAll
    static void stop() {
        GATEWAY.stop();
    }

    @TempDir
    Path logs;

    @BeforeEach
    void gatewayAnswersTheLists() {
        GATEWAY.resetAll();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/catalog/books")).willReturn(okJson("{\"books\": []}")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/progress/books")).willReturn(okJson("""
                [{"bookId": "%s", "title": "Building Microservices", "sections": 1, "done": 0}]""".formatted(BOOK))));
        GATEWAY.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson("""
                {"access_token": "job-token", "token_type": "Bearer", "expires_in": 600, "scope": "studyboard.read"}""")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/members"))
                .withHeader("Authorization", equalTo("Bearer job-token"))
                .willReturn(okJson("{\"members\": []}")));
    }

    /** What the CronJob's environment gives the job: where the gateway and the token endpoint are, its secret. */
    private static String[] arguments() {
        return new String[] {
            "--studyboard.synthetic.gateway-url=" + GATEWAY.baseUrl(),
            "--spring.security.oauth2.client.provider.studyboard.token-uri=" + GATEWAY.baseUrl() + "/oauth2/token",
            "--spring.security.oauth2.client.registration.synthetic-check.client-secret=job-secret"
        };
    }

    private static void boardAnswers(ResponseDefinitionBuilder response) {
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/progress/books/" + BOOK + "/board")).willReturn(response));
    }

    /** Runs the application's main method in a JVM of its own, as the container would, and returns its exit code. */
    private int runTheJob() throws IOException, InterruptedException {
        var output = logs.resolve("synthetic-check.log");
        var command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SyntheticCheckApplication.class.getName(),
                "--spring.profiles.active=once"));
        command.addAll(List.of(arguments()));
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the job did not end in 120 s:\n" + Files.readString(output));
        }
        System.out.println(Files.readString(output)); // in the test report, for when an assertion below fails
        return process.exitValue();
    }

    @Nested
    @DisplayName("as a process")
    class AsAProcess {

        @Test
        @DisplayName("a journey that succeeds: the process walks it once and exits 0")
        void success() throws Exception {
            boardAnswers(aResponse()
                    .withHeader("Content-Type", "text/markdown")
                    .withBody("| 항목 | 제목 | 페이지 | 작성자 | 완료 |\n|---|---|---|---|---|\n"));

            assertThat(runTheJob()).isZero();

            GATEWAY.verify(1, getRequestedFor(urlPathEqualTo("/api/catalog/books")));
            GATEWAY.verify(1, getRequestedFor(urlPathEqualTo("/api/progress/books/" + BOOK + "/board")));
            GATEWAY.verify(
                    1,
                    getRequestedFor(urlPathEqualTo("/api/members"))
                            .withHeader("Authorization", equalTo("Bearer job-token")));
        }

        @Test
        @DisplayName("a journey that fails: the process exits 1, so Kubernetes marks the Job failed")
        void failure() throws Exception {
            boardAnswers(aResponse().withStatus(503));

            assertThat(runTheJob()).isEqualTo(OneWalk.FAILED);

            GATEWAY.verify(1, getRequestedFor(urlPathEqualTo("/api/catalog/books")));
        }
    }

    @Test
    @DisplayName("starts no web server and no schedule: nothing keeps the process alive after the walk")
    void nothingStaysUp() {
        boardAnswers(aResponse().withHeader("Content-Type", "text/markdown").withBody("|a|\n|---|\n"));

        try (var context = new SpringApplicationBuilder(SyntheticCheckApplication.class)
                .profiles("once")
                .run(arguments())) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeansOfType(ScheduledAnnotationBeanPostProcessor.class))
                    .isEmpty();
            assertThat(SpringApplication.exit(context)).isZero();
        }
    }
}
