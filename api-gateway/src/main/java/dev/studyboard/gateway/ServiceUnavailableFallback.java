package dev.studyboard.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a request its service cannot answer, with problem details instead of a
 * hanging client: 503 when the service is down or the breaker is open (nothing reached it: safe to try again),
 * 504 when it did not answer in time (it may still be working on the request: a write may have been applied).
 */
@RestController
class ServiceUnavailableFallback {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (isTimeout(failure)) {
            return timedOut(service, exchange.getRequest().getMethod());
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                service + " is not available right now; try again shortly");
        problem.setTitle("Service unavailable");
        problem.setType(URI.create("https://studyboard.dev/problems/service-unavailable"));
        problem.setProperty("service", service);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5")
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> timedOut(String service, HttpMethod method) {
        boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, safe
                ? service + " did not answer in time; try again shortly"
                : service + " did not answer in time, so whether the change was made is unknown: look before repeating it");
        problem.setTitle("Gateway timeout");
        problem.setType(URI.create("https://studyboard.dev/problems/gateway-timeout"));
        problem.setProperty("service", service);
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The route's response timeout, or the circuit breaker's time limit, whichever came first. */
    private static boolean isTimeout(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || cause instanceof ResponseStatusException status
                    && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return true;
            }
        }
        return false;
    }
}
