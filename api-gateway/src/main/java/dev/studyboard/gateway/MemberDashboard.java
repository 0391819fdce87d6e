package dev.studyboard.gateway;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.web.reactive.function.client.ServerBearerExchangeFilterFunction;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * API composition: one call for a member's dashboard, joining member-service (who they
 * are) and progress-service (what they write up), asked in parallel. Each part has its own time limit, so the
 * whole answer never takes longer than that; a part whose service is down or too slow is left out and the
 * answer says so ({@code partial}, {@code unavailable}) instead of failing as a whole. Only for a signed-in
 * caller, whose token is passed on to both services.
 *
 * <p>The old side of a strangler fig: the {@code dashboard-moved} route (application.yml) answers a growing share
 * of the members from progress-service alone, in the same shape ({@link #fromSummary}); the members it does not
 * take fall through to this class. See docs/strangler-fig.md.
 */
@RestController
@Tag(name = "Dashboard", description = "Composed views across services")
class MemberDashboard {

    static final String MEMBER_SERVICE = "member-service";
    static final String PROGRESS_SERVICE = "progress-service";

    /** The composed answer. {@code member} or {@code work} is null when its service did not answer in time. */
    record Dashboard(UUID memberId, Member member, JsonNode work, boolean partial, List<String> unavailable) {}

    /**
     * Who the member is, as the dashboard shows them: only what both sides of the strangler fig can tell (the
     * e-mail stays with member-service, which owns it). {@code status}: ACTIVE or LEFT.
     */
    record Member(UUID id, String displayName, String status) {}

    private record Part<T>(String service, T body, boolean answered, boolean notFound) {}

    private final WebClient http;
    private final Duration partTimeout;

    MemberDashboard(
            @LoadBalanced WebClient.Builder http,
            @Value("${studyboard.composition.part-timeout:2s}") Duration partTimeout) {
        // Token relay: each part is asked with the caller's own token, so each service applies its own rules
        // (the e-mail only for the member themself or an organizer) to the caller, not to the gateway.
        this.http =
                http.clone().filter(new ServerBearerExchangeFilterFunction()).build();
        this.partTimeout = partTimeout;
    }

    @GetMapping("/api/dashboard/members/{memberId}")
    @Operation(
            summary = "A member with their assigned sections: member-service and progress-service in one answer",
            security = @SecurityRequirement(name = GatewayApiDocumentation.SCHEME))
    Mono<Dashboard> dashboard(@PathVariable UUID memberId) {
        var member = part(MEMBER_SERVICE, "http://member-service/api/members/{id}", memberId, Member.class);
        var work = part(
                PROGRESS_SERVICE,
                "http://progress-service/api/progress/members/{id}/summary",
                memberId,
                JsonNode.class);
        return Mono.zip(member, work).map(parts -> {
            if (parts.getT1().notFound()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No member " + memberId);
            }
            var unavailable = new ArrayList<String>();
            for (var part : List.of(parts.getT1(), parts.getT2())) {
                if (!part.answered()) {
                    unavailable.add(part.service());
                }
            }
            return new Dashboard(
                    memberId,
                    parts.getT1().body(),
                    parts.getT2().body(),
                    !unavailable.isEmpty(),
                    List.copyOf(unavailable));
        });
    }

    private <T> Mono<Part<T>> part(String service, String uri, UUID memberId, Class<T> type) {
        return http.get()
                .uri(uri, memberId)
                .retrieve()
                .bodyToMono(type)
                .timeout(partTimeout)
                .map(body -> new Part<>(service, body, true, false))
                // progress-service may not know a member yet (its replica lags): that is an answer, not an outage
                .onErrorResume(
                        WebClientResponseException.NotFound.class,
                        notFound -> Mono.just(new Part<T>(service, null, true, true)))
                .onErrorResume(failure -> Mono.just(new Part<T>(service, null, false, false)));
    }

    /**
     * The new side's answer in the dashboard's shape: progress-service's summary of a member already holds who
     * they are (its replica of the members) and their work, so one service answers, and never partially.
     */
    static Dashboard fromSummary(JsonNode summary) {
        var member = new Member(
                UUID.fromString(summary.get("memberId").asString()),
                summary.get("displayName").asString(),
                summary.get("active").asBoolean() ? "ACTIVE" : "LEFT");
        return new Dashboard(member.id(), member, summary, false, List.of());
    }

    @Configuration(proxyBeanMethods = false)
    static class LoadBalancedClients {

        /** Resolves {@code http://member-service} through discovery: Eureka, or the platform's list on Kubernetes. */
        @Bean
        @LoadBalanced
        WebClient.Builder loadBalancedWebClientBuilder() {
            return WebClient.builder();
        }
    }
}
