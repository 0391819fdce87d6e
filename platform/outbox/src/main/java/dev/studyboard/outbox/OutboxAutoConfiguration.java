package dev.studyboard.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every service that has this module, a datasource and Kafka: the {@link Outbox} to write events,
 * the service's own event topic ({@code studyboard.outbox.topic}), the {@link OutboxRelay} that publishes
 * to it, the NOTIFY listener that wakes the relay, the cleaner, and the {@link CommandReceiver} of saga participants. The table comes from the Flyway location
 * {@code classpath:db/outbox}.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
        })
@ConditionalOnBean({DataSource.class, ProducerFactory.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(
            JdbcClient jdbc,
            JsonMapper json,
            OutboxProperties properties,
            ObjectProvider<TraceContextCapture> traceContext,
            ObjectProvider<MeterRegistry> meters) {
        return new Outbox(
                jdbc,
                json,
                properties.topic(),
                traceContext.getIfAvailable(() -> TraceContextCapture.NONE),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /**
     * The topic the service publishes to, created at start-up if missing (Spring Kafka's KafkaAdmin). Keyed by
     * aggregate id, so its partitions keep each aggregate's events in order.
     */
    @Bean
    NewTopic outboxTopic(
            OutboxProperties properties,
            @Value("${studyboard.topics.partitions:3}") int partitions,
            @Value("${studyboard.topics.replicas:1}") short replicas) {
        return EventTopics.retained(properties.topic(), partitions, replicas);
    }

    @Bean
    OutboxStore outboxStore(JdbcClient jdbc, JsonMapper json) {
        return new OutboxStore(jdbc, json);
    }

    /**
     * The relay's own producer: the application's Kafka settings (and connection details), with CloudEvents
     * serialization and timeouts short enough that an unreachable broker fails a batch within seconds and
     * the relay's retry loop, not the producer, decides when to try again.
     */
    @Bean
    CloudEventsKafkaPublisher outboxPublisher(
            ProducerFactory<?, ?> applicationProducerFactory,
            OutboxProperties properties,
            Environment environment,
            ObjectProvider<ObservationRegistry> observations) {
        var config = new HashMap<>(applicationProducerFactory.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        var producerFactory = new DefaultKafkaProducerFactory<String, CloudEvent>(
                config, new StringSerializer(), new CloudEventSerializer());
        var source = properties.source() != null
                ? properties.source()
                : URI.create("/" + environment.getProperty("spring.application.name", "unknown-service"));
        return new CloudEventsKafkaPublisher(
                producerFactory,
                source,
                properties.sendTimeout(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    OutboxRelay outboxRelay(
            OutboxStore store,
            CloudEventsKafkaPublisher publisher,
            PlatformTransactionManager transactionManager,
            OutboxProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(
                store,
                publisher,
                new TransactionTemplate(transactionManager),
                properties,
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /** The participants' side of a saga's commands: each handled once, answered through the outbox. */
    @Bean
    @ConditionalOnMissingBean
    CommandReceiver commandReceiver(
            JdbcClient jdbc, JsonMapper json, Outbox outbox, PlatformTransactionManager transactionManager) {
        return new CommandReceiver(jdbc, json, outbox, new TransactionTemplate(transactionManager));
    }

    @Bean
    OutboxMetrics outboxMetrics(OutboxStore store, ObjectProvider<MeterRegistry> meters) {
        return new OutboxMetrics(store, meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnProperty(prefix = "studyboard.outbox", name = "listen", matchIfMissing = true)
    OutboxNotificationListener outboxNotificationListener(DataSource dataSource, OutboxRelay relay) {
        return new OutboxNotificationListener(dataSource, relay);
    }

    @Bean
    OutboxCleaner outboxCleaner(OutboxStore store, OutboxProperties properties, ObjectProvider<Clock> clock) {
        return new OutboxCleaner(store, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    /** The operator endpoint for parked events, where the actuator is and the endpoint is exposed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
    static class OperatorEndpointConfiguration {

        @Bean
        @ConditionalOnAvailableEndpoint
        OutboxEndpoint outboxEndpoint(OutboxStore store, OutboxRelay relay) {
            return new OutboxEndpoint(store, relay);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class TracingConfiguration {

        @Bean
        @ConditionalOnBean({Tracer.class, Propagator.class})
        TraceContextCapture micrometerTraceContextCapture(Tracer tracer, Propagator propagator) {
            return new MicrometerTraceContextCapture(tracer, propagator);
        }
    }
}
