package dev.studyboard.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.springframework.cloud.gateway.handler.predicate.AbstractRoutePredicateFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Strangler fig: a route predicate that takes a stable share of the paths, {@code PathShare=<percent>}. Each path
 * falls in one of 100 buckets by a hash of it, and the route takes the paths whose bucket is below the share. So a
 * path (for the dashboard: a member) always lands on the same side, and raising the share from 0 towards 100 only
 * adds paths to the new side, never moves one back. (Spring Cloud Gateway's {@code Weight} predicate draws per
 * request instead: one member's dashboard would flip between the old and the new answer on every reload.)
 */
@Component
class PathShareRoutePredicateFactory extends AbstractRoutePredicateFactory<PathShareRoutePredicateFactory.Config> {

    static final int BUCKETS = 100;

    PathShareRoutePredicateFactory() {
        super(Config.class);
    }

    public static class Config {
        private int percent;

        public int getPercent() {
            return percent;
        }

        public void setPercent(int percent) {
            this.percent = percent;
        }
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("percent");
    }

    @Override
    public Predicate<ServerWebExchange> apply(Config config) {
        int percent = config.getPercent();
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("PathShare takes a percentage from 0 to 100, not " + percent);
        }
        return exchange -> bucketOf(exchange.getRequest().getPath().value()) < percent;
    }

    /** The path's bucket, 0 to 99: the same on every gateway instance and after every restart. */
    static int bucketOf(String path) {
        var crc = new CRC32();
        crc.update(path.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % BUCKETS);
    }
}
