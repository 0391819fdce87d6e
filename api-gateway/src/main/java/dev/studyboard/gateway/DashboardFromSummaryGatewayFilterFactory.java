package dev.studyboard.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strangler fig, the new side's adapter ({@code DashboardFromSummary} in a route): progress-service's summary of
 * a member, answered in the shape clients know from the dashboard ({@link MemberDashboard#fromSummary}), so a
 * client cannot tell which side answered. Anything but a success (a problem, a 404) passes through unchanged.
 * It goes when the clients have moved to progress-service's own path.
 */
@Component
class DashboardFromSummaryGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final JsonMapper json;

    DashboardFromSummaryGatewayFilterFactory(
            ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json) {
        super(Object.class);
        this.modifyResponseBody = modifyResponseBody;
        this.json = json;
    }

    @Override
    public GatewayFilter apply(Object config) {
        // Read as text, not JSON: a circuit breaker's fallback answers here too, without the upstream content type.
        return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(String.class, String.class, (exchange, body) -> {
                    var status = exchange.getResponse().getStatusCode();
                    if (status == null || !status.is2xxSuccessful()) {
                        return Mono.justOrEmpty(body);
                    }
                    return Mono.just(json.writeValueAsString(MemberDashboard.fromSummary(json.readTree(body))));
                }));
    }
}
