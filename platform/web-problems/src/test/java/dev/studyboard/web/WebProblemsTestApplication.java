package dev.studyboard.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A service the way the Study Board services use this module: a JSON API and its problems. */
@SpringBootApplication
class WebProblemsTestApplication {

    record Note(@NotBlank String text) {}

    @RestController
    static class Notes {

        @PostMapping("/api/notes")
        Map<String, Integer> write(@RequestBody Note note) {
            return Map.of("length", note.text().length());
        }

        /** What Spring Security's firewall does with a path it refuses, before any controller is chosen. */
        @GetMapping("/api/refused")
        void refused(HttpServletResponse response) throws IOException {
            response.sendError(
                    HttpServletResponse.SC_BAD_REQUEST, "The request was rejected because the URL contained ;");
        }

        @GetMapping("/api/broken")
        void broken() {
            throw new IllegalStateException("ERROR: relation \"secret\" does not exist (SQL: select * from secret)");
        }
    }

    @RestControllerAdvice
    static class Problems extends InvalidRequestProblems {}
}
