package dev.studyboard.progress.page.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.progress.page.adapter.in.web.LiveStreams.StreamRefusedException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The live streams an instance keeps open: as many as it may, and none once it stops. */
@DisplayName("The live streams of an instance")
class LiveStreamsTest {

    private final UUID bookId = UUID.randomUUID();
    private final LiveStreams streams = new LiveStreams(Duration.ofMinutes(1), 2);

    @Test
    @DisplayName("opens as many as studyboard.page.max-live-streams, then refuses: 503 with Retry-After")
    void capped() {
        streams.start();
        streams.open(bookId);
        streams.open(UUID.randomUUID());

        assertThatThrownBy(() -> streams.open(bookId)).isInstanceOf(StreamRefusedException.class);
        var answer = new LiveBoardController(null, streams).noStreamNow(new StreamRefusedException("full"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    }

    @Test
    @DisplayName("a stream that ended is forgotten, and frees its place")
    void endedFreesItsPlace() {
        streams.start();
        var ended = streams.open(bookId);
        streams.open(bookId);

        ended.complete();
        streams.changed(bookId, "3.1"); // sending to the ended stream fails: it is forgotten

        assertThatCode(() -> streams.open(bookId)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("opens none once the instance stops")
    void noneWhileStopping() {
        streams.start();
        streams.stop();

        assertThatThrownBy(() -> streams.open(bookId)).isInstanceOf(StreamRefusedException.class);
    }
}
