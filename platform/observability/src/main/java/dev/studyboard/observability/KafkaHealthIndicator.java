package dev.studyboard.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Kafka's health: whether a broker answers within the timeout. Shown on {@code /actuator/health} but not part of
 * readiness: the services keep working without Kafka (the outbox holds events back, the replicas answer reads),
 * so taking them out of the load balancer while Kafka is down would turn a partial outage into a full one.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private AdminClient admin; // created at the first check, then kept: creating one per check is costly

    public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        super("Kafka health check failed");
        this.adminConfig = Map.copyOf(adminConfig);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        long millis = timeout.toMillis();
        builder.up()
                .withDetail("clusterId", cluster.clusterId().get(millis, TimeUnit.MILLISECONDS))
                .withDetail(
                        "brokers",
                        cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size());
    }

    private synchronized AdminClient admin() {
        if (admin == null) {
            admin = AdminClient.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
