package dev.studyboard.e2e;

import dev.studyboard.e2e.HostileRequest.Hostility;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every answer to a hostile request must be (issue 12): never a server error (5xx); every refusal (4xx) RFC 9457
 * problem details that say their status; no answer telling anything of the system's insides (stack frames, class
 * names, SQL); and a path that climbs out of its route reaching nothing (the actuator, a file).
 */
final class HostileAnswers {

    /** What only the system's insides would put in an answer. */
    static final List<String> LEAKS = List.of(
            "at dev.",
            "at org.",
            "at java.",
            "Exception",
            "java.",
            "org.springframework",
            "dev.studyboard.",
            "SQL",
            "PSQLException",
            "jdbc");

    /** What an answer from the actuator or a file would hold. */
    static final List<String> REACHED =
            List.of("\"status\":\"UP\"", "propertySources", "activeProfiles", "\"_links\"", "root:x:0:0", "PATH=");

    /** The API's documents (OpenAPI, Swagger UI, the system page): they describe the API, answering no input. */
    private static final List<String> DOCUMENTS = List.of(
            "/v3/api-docs",
            "/api/catalog/v3/api-docs",
            "/api/members/v3/api-docs",
            "/api/progress/v3/api-docs",
            "/swagger-ui",
            "/system.html",
            "/webjars/");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HostileAnswers() {}

    /** What is wrong with {@code answer} to {@code request}; none if it was answered cleanly. */
    static List<String> faults(HostileRequest request, RawHttp.Answer answer) {
        var faults = new ArrayList<String>();
        int status = answer.status();
        var body = answer.bodyText();
        if (status >= 500) {
            faults.add(status + ": a server error");
        }
        if (status >= 400 && status < 500) {
            var type = answer.header("Content-Type").orElse("none");
            if (!type.startsWith("application/problem+json")) {
                faults.add(status + " of type " + type + ", not problem details");
            } else if (!request.method().equals("HEAD") && statusIn(body) != status) {
                faults.add(status + " whose problem details do not say so: " + HostileRequest.printable(body, 200));
            }
        }
        boolean document = status < 300 && DOCUMENTS.stream().anyMatch(request.target()::startsWith);
        if (!document) {
            LEAKS.stream()
                    .filter(body::contains)
                    .findFirst()
                    .ifPresent(leak -> faults.add(status + " telling of the insides (\"" + leak + "\"): "
                            + HostileRequest.printable(excerpt(body, leak), 300)));
        }
        if (request.hostility() == Hostility.PATH_TRAVERSAL
                && (status < 300 || REACHED.stream().anyMatch(body::contains))) {
            faults.add(status + " to a path out of its route: it reached something");
        }
        return faults;
    }

    private static int statusIn(String problem) {
        try {
            return JSON.readTree(problem).path("status").asInt(-1);
        } catch (JacksonException notJson) {
            return -1;
        }
    }

    private static String excerpt(String body, String around) {
        int at = body.indexOf(around);
        return body.substring(Math.max(0, at - 100), Math.min(body.length(), at + 200));
    }
}
