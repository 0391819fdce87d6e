package dev.studyboard.web;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers as problem details, in place of its HTML page: what Tomcat refuses before any Spring
 * code runs, such as a request target it cannot decode (400), headers over its limit (400), an {@code Expect} it
 * does not know (417) or a transfer coding it does not implement (501). Only the status is told.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var known = HttpStatus.resolve(status);
        var title = known != null ? known.getReasonPhrase() : "Error";
        var problem = "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d}".formatted(title, status);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(problem);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException gone) {
            // the connection is closed or the response is no longer ours to write: nothing left to tell
        }
    }
}
