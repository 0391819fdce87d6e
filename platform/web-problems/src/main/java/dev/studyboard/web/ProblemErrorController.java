package dev.studyboard.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for the errors Spring MVC never answers itself: what the servlet container renders at
 * {@code /error} when a filter refused a request with {@code sendError} (Spring Security's firewall: a path with
 * {@code ..}, {@code ;} or an encoded slash), an exception escaped every handler, or a problem could not be written
 * in a form the client's {@code Accept} allows. In place of Spring Boot's {@code BasicErrorController}, whose JSON
 * has fields of its own. Only the status is told, nothing of the failure; and written directly, since the
 * {@code Accept} header of such a request may be what failed.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private final JsonMapper json;

    public ProblemErrorController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var status = status(request);
        var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        ProblemResponses.write(
                response, json, status, ProblemResponses.problem(status, status.getReasonPhrase(), null, path));
    }

    private static HttpStatus status(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
            var status = HttpStatus.resolve(code);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
