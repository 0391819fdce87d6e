package dev.studyboard.web;

import dev.studyboard.web.InvalidRequestProblems.InvalidField;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two media type headers Spring MVC cannot cope with, answered at once with problem details naming them:
 * an {@code Accept} it cannot read ({@code text/html;q=x}), 400, since it would fail every answer's content
 * negotiation and an error answer would go out with no body at all; and a {@code Content-Type} that is a range, not
 * a type ({@code *}{@code /*}, {@code application/*}), 415, which Spring MVC would fail on with a server error while
 * reading the body. Read the way Spring MVC reads them, so nothing else is refused here.
 */
public class MediaTypeHeaders extends OncePerRequestFilter {

    private final HeaderContentNegotiationStrategy negotiation = new HeaderContentNegotiationStrategy();
    private final JsonMapper json;

    public MediaTypeHeaders(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            negotiation.resolveMediaTypes(new ServletWebRequest(request));
        } catch (HttpMediaTypeNotAcceptableException unreadable) {
            refuse(request, response, HttpStatus.BAD_REQUEST, HttpHeaders.ACCEPT, "is not a list of media types");
            return;
        }
        if (hasBody(request) && isRange(request.getContentType())) {
            refuse(
                    request,
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    HttpHeaders.CONTENT_TYPE,
                    "must name the body's type, such as application/json, not a range of types");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean isRange(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            var type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unreadable) {
            return false; // Spring MVC answers that itself: 415
        }
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String header, String reason)
            throws IOException {
        var problem =
                ProblemResponses.problem(status, "Invalid request", "One field is invalid", request.getRequestURI());
        problem.put("errors", List.of(new InvalidField(header, reason)));
        ProblemResponses.write(response, json, status, problem);
    }
}
