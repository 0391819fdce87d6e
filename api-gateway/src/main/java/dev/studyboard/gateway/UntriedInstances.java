package dev.studyboard.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * Retry on another instance: when a route's Retry filter asks the load balancer again, it chooses among the
 * instances this request has not tried yet (among all again once it has tried every one), so a replica that has
 * gone or is shutting down costs a read one more attempt, not the read itself. Round robin alone may hand a retry
 * the same instance (other requests move it on in between), and discovery takes seconds to drop one that went away.
 */
final class UntriedInstances extends DelegatingServiceInstanceListSupplier {

    /** On the exchange, next to the load balancer's last choice, which Spring Cloud Gateway keeps there. */
    private static final String TRIED = UntriedInstances.class.getName() + ".tried";

    UntriedInstances(ServiceInstanceListSupplier discovered) {
        super(discovered);
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get();
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        return delegate.get(request).map(instances -> untried(instances, request));
    }

    private static List<ServiceInstance> untried(List<ServiceInstance> instances, Request<?> request) {
        var exchange = request.getContext() instanceof RequestDataContext context && context.getClientRequest() != null
                ? context.getClientRequest().getAttributes()
                : null;
        if (exchange == null
                || !(exchange.get(GATEWAY_LOADBALANCER_RESPONSE_ATTR) instanceof Response<?> last)
                || !(last.getServer() instanceof ServiceInstance failed)) {
            return instances; // a first attempt, or a call of the gateway's own clients: any instance will do
        }
        // Asked again for the same exchange: the Retry filter is repeating it, so the last choice failed it.
        @SuppressWarnings("unchecked")
        var tried = (Set<String>) exchange.computeIfAbsent(TRIED, key -> ConcurrentHashMap.newKeySet());
        tried.add(address(failed));
        var untried = instances.stream()
                .filter(instance -> !tried.contains(address(instance)))
                .toList();
        return untried.isEmpty() ? instances : untried;
    }

    private static String address(ServiceInstance instance) {
        return instance.getHost() + ":" + instance.getPort();
    }

    /**
     * Each service's instance list, in the load-balancer context Spring Cloud LoadBalancer makes per service id:
     * what discovery lists now (no cache of its own: application.yml says why), untried instances first.
     */
    static class InEveryService {

        @Bean
        ServiceInstanceListSupplier untriedInstances(ConfigurableApplicationContext context) {
            return ServiceInstanceListSupplier.builder()
                    .withDiscoveryClient()
                    .with((ignored, discovered) -> new UntriedInstances(discovered))
                    .build(context);
        }
    }
}
