package dev.studyboard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Problem details written straight to the response, for answers given outside Spring MVC (filters, /error). */
final class ProblemResponses {

    private ProblemResponses() {}

    /** The members of RFC 9457 in its order; a caller may add this API's own ({@code errors}). */
    static Map<String, Object> problem(HttpStatus status, String title, String detail, String instance) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem;
    }

    /** Writes the problem with its length, so the answer is complete even if the connection is closed next. */
    static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, Map<String, Object> problem)
            throws IOException {
        var body = json.writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
