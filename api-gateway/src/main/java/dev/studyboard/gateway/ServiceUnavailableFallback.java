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
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request its service cannot answer, with problem details instead of a
 * hanging client: 503 when the service is down or the breaker is open (nothing reached it: safe to try again),
 * 504 when it did not answer in time (it may still be working on the request: a write may have been applied).
 * An answer that broke off is left to {@link ProblemErrors} (502), as when it breaks off after its status came.
 */
@RestController
class ServiceUnavailableFallback {

    @RequestMapping("/fallback/{service}")
    Mono<ResponseEntity<ProblemDetail>> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (ProblemErrors.brokeOff(failure)) {
            return Mono.error(failure);
        }
        return Mono.just(isTimeout(failure) ? timedOut(service, exchange) : unavailable(service));
    }

    private static ResponseEntity<ProblemDetail> unavailable(String service) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5")
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Service unavailable",
                        "service-unavailable",
                        service,
                        service + " is not available right now; try again shortly"));
    }

    private static ResponseEntity<ProblemDetail> timedOut(String service, ServerWebExchange exchange) {
        var method = exchange.getRequest().getMethod();
        boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(
                        HttpStatus.GATEWAY_TIMEOUT,
                        "Gateway timeout",
                        "gateway-timeout",
                        service,
                        safe
                                ? service + " did not answer in time; try again shortly"
                                : service + " did not answer in time, so whether the change was made is unknown: "
                                        + "look before repeating it"));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String type, String service, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://studyboard.dev/problems/" + type));
        problem.setProperty("service", service);
        return problem;
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
