package dev.studyboard.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The load test's settings, as system properties: {@link LoadSettings}. */
@DisplayName("The load test's settings")
class LoadSettingsTest {

    @Test
    @DisplayName("without properties: a full run against docker compose on its default ports")
    void defaults() {
        // when
        var settings = LoadSettings.from(new Properties());

        // then
        assertThat(settings.gateway()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(settings.authServer()).isEqualTo(URI.create("http://localhost:9000"));
        assertThat(settings.readers()).isEqualTo(50);
        assertThat(settings.workers()).isEqualTo(10);
        assertThat(settings.ramp().plus(settings.steady()))
                .isEqualTo(Duration.ofMinutes(3).plusSeconds(30));
        assertThat(settings.p99Target()).isEqualTo(LoadSettings.P99_TARGET);
    }

    @Test
    @DisplayName("read back from the properties they are written as: what LoadSmokeIT hands to Gatling")
    void roundTrip() {
        // given
        var smoke =
                LoadSettings.smoke(URI.create("http://localhost:41234"), URI.create("http://localhost:41235"), "pw");
        var properties = new Properties();
        properties.putAll(smoke.asProperties());

        // when
        var read = LoadSettings.from(properties);

        // then
        assertThat(read).isEqualTo(smoke);
    }

    @Test
    @DisplayName("refuse a run without readers, workers or sections")
    void somebody() {
        var properties = new Properties();
        properties.setProperty("load.workers", "0");

        assertThatThrownBy(() -> LoadSettings.from(properties)).isInstanceOf(IllegalArgumentException.class);
    }
}
