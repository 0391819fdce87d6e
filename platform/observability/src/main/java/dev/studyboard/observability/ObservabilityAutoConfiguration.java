package dev.studyboard.observability;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.HashMap;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The audit log for servlet services, Kafka's health indicator for services that use Kafka, and no traces of
 * the actuator's own endpoints (health checks and Prometheus scrapes would otherwise fill Zipkin).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"
        })
public class ObservabilityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty(prefix = "studyboard.audit", name = "enabled", matchIfMissing = true)
    static class AuditLogConfiguration {

        @Bean
        FilterRegistrationBean<AuditLogFilter> auditLogFilter(ObjectProvider<Tracer> tracer) {
            var registration =
                    new FilterRegistrationBean<>(new AuditLogFilter(tracer.getIfAvailable(() -> Tracer.NOOP)));
            // After the server observation filter (highest precedence + 1), so the request's span is current.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletActuatorObservations {

        @Bean
        ObservationPredicate noServletActuatorObservations() {
            return (name, context) -> !(context instanceof ServerRequestObservationContext request
                    && request.getCarrier().getRequestURI().startsWith("/actuator"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class ReactiveActuatorObservations {

        @Bean
        ObservationPredicate noReactiveActuatorObservations() {
            return (name, context) -> !(context
                            instanceof
                            org.springframework.http.server.reactive.observation.ServerRequestObservationContext request
                    && request.getCarrier().getPath().value().startsWith("/actuator"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({KafkaAdmin.class, AdminClient.class})
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnProperty(prefix = "management.health.kafka", name = "enabled", matchIfMissing = true)
    static class KafkaHealthConfiguration {

        @Bean
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
            var config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health");
            return new KafkaHealthIndicator(config, Duration.ofSeconds(2));
        }
    }
}
