package dev.studyboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

@DisplayName("Versioned responses")
class VersionedResponsesTest {

    record Book(String title) {}

    @Nested
    @DisplayName("a read of what is the same for everyone (a book)")
    class SameForEveryone {

        @Test
        @DisplayName("200: the version as ETag, kept by any cache but asked for again before each use")
        void read() {
            var answer = VersionedResponses.read(ReadCaching.SAME_FOR_EVERYONE, 3, new Book("도메인 주도 설계"));

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getHeaders().getETag()).isEqualTo("\"3\"");
            assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-cache");
            assertThat(answer.getHeaders().getVary()).isEmpty();
            assertThat(answer.getBody()).isEqualTo(new Book("도메인 주도 설계"));
        }

        @Test
        @DisplayName("304: no body, with the ETag and Cache-Control of the 200 it stands for")
        void notModified() {
            var answer = VersionedResponses.<Book>notModified(ReadCaching.SAME_FOR_EVERYONE, 3);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
            assertThat(answer.getHeaders().getETag()).isEqualTo("\"3\"");
            assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-cache");
            assertThat(answer.getBody()).isNull();
        }
    }

    @Nested
    @DisplayName("a read that depends on the caller (a member)")
    class PerCaller {

        @Test
        @DisplayName("200: kept only by the caller's own cache, for the same token")
        void read() {
            var answer = VersionedResponses.read(ReadCaching.PER_CALLER, 2, new Book("x"));

            assertThat(answer.getHeaders().getETag()).isEqualTo("\"2\"");
            assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-cache, private");
            assertThat(answer.getHeaders().getVary()).containsExactly(HttpHeaders.AUTHORIZATION);
        }

        @Test
        @DisplayName("304: the same Cache-Control and Vary as the 200")
        void notModified() {
            var answer = VersionedResponses.notModified(ReadCaching.PER_CALLER, 2);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
            assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-cache, private");
            assertThat(answer.getHeaders().getVary()).containsExactly(HttpHeaders.AUTHORIZATION);
        }

        @Test
        @DisplayName("one view of the version: its own tag, on the 200 and the 304 alike")
        void view() {
            var tag = EntityTags.of(2, "personal");

            assertThat(VersionedResponses.read(ReadCaching.PER_CALLER, tag, new Book("x"))
                            .getHeaders()
                            .getETag())
                    .isEqualTo("\"2.personal\"");
            assertThat(VersionedResponses.notModified(ReadCaching.PER_CALLER, tag)
                            .getHeaders()
                            .getETag())
                    .isEqualTo("\"2.personal\"");
        }
    }

    @Test
    @DisplayName("the answer to a change: the version as ETag, and no caching policy of its own")
    void change() {
        var answer = VersionedResponses.ok(4, new Book("x"));

        assertThat(answer.getHeaders().getETag()).isEqualTo("\"4\"");
        assertThat(answer.getHeaders().getCacheControl()).isNull();
    }
}
