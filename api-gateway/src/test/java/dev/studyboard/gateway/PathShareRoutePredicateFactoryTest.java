package dev.studyboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

@DisplayName("PathShare, the strangler fig's share of the paths")
class PathShareRoutePredicateFactoryTest {

    /** A thousand members' dashboard paths. */
    static final List<String> PATHS = IntStream.range(0, 1000)
            .mapToObj(i -> "/api/dashboard/members/" + new UUID(0x5f0c6b1e8f5a4a8eL, i))
            .toList();

    private static Predicate<ServerWebExchange> share(int percent) {
        var config = new PathShareRoutePredicateFactory.Config();
        config.setPercent(percent);
        return new PathShareRoutePredicateFactory().apply(config);
    }

    private static List<String> taken(int percent) {
        var predicate = share(percent);
        return PATHS.stream()
                .filter(path -> predicate.test(MockServerWebExchange.from(MockServerHttpRequest.get(path))))
                .toList();
    }

    @Test
    @DisplayName("at 0 % takes no path, at 100 % every path")
    void ends() {
        assertThat(taken(0)).isEmpty();
        assertThat(taken(100)).containsExactlyElementsOf(PATHS);
    }

    @Test
    @DisplayName("takes about the share asked for")
    void aboutTheShare() {
        assertThat(taken(10)).hasSizeBetween(60, 140);
        assertThat(taken(50)).hasSizeBetween(430, 570);
    }

    @Test
    @DisplayName("raising the share only adds paths: a moved member never moves back")
    void onlyAdds() {
        assertThat(taken(50)).containsAll(taken(10));
        assertThat(taken(90)).containsAll(taken(50));
    }

    @Test
    @DisplayName("puts a path in the same bucket on every instance and in every release (CRC-32 of the path)")
    void stableBuckets() {
        // Pinned: a new hash would move members between the sides behind everyone's back.
        assertThat(PathShareRoutePredicateFactory.bucketOf(
                        "/api/dashboard/members/00000000-0000-0000-0000-000000000001"))
                .isEqualTo(76);
        assertThat(PathShareRoutePredicateFactory.bucketOf(
                        "/api/dashboard/members/5f0c6b1e-8f5a-4a8e-9a51-3f1c2d4e5f60"))
                .isEqualTo(54);
    }

    @Test
    @DisplayName("refuses a share below 0 or above 100 (the gateway does not start)")
    void refusesNonsense() {
        assertThatThrownBy(() -> share(101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("101");
        assertThatThrownBy(() -> share(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
