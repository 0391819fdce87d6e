package dev.studyboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Entity tags")
class EntityTagsTest {

    @Test
    @DisplayName("a version is its number in quotes")
    void ofVersion() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    @DisplayName("one view of a version is its number and the view's name, a tag of its own")
    void ofView() {
        assertThat(EntityTags.of(3, "personal")).isEqualTo("\"3.personal\"");
    }

    @Nested
    @DisplayName("If-Match: only the version counts, whichever view the client read")
    class IfMatch {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"3\"", "\"3.personal\"", "W/\"3.personal\""})
        @DisplayName("a tag of either view names its version")
        void namesVersion(String ifMatch) {
            assertThat(EntityTags.expectedVersion(ifMatch)).hasValue(3);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"3.\"", "\"3.Personal\"", "\"personal\"", "\"3.5\""})
        @DisplayName("a tag that is neither: refused as malformed (400), not read as some version")
        void malformed(String ifMatch) {
            assertThatThrownBy(() -> EntityTags.expectedVersion(ifMatch))
                    .isInstanceOf(EntityTags.MalformedIfMatchException.class);
        }
    }

    @Nested
    @DisplayName("If-None-Match, for version 3 (RFC 9110 weak comparison)")
    class IfNoneMatch {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"3\"", "W/\"3\"", "*", "\"1\", \"3\"", "\"1\",W/\"3\"", " \"3\" "})
        @DisplayName("names the current version: the tag itself, weak or strong, any version (*), or one of a list")
        void namesCurrentVersion(String ifNoneMatch) {
            assertThat(EntityTags.matches(ifNoneMatch, 3)).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"2\"", "W/\"2\"", "\"1\", \"2\"", "\"30\"", "\"03\"", "\"\""})
        @DisplayName("names another version: an older one, or a tag never given out")
        void namesAnotherVersion(String ifNoneMatch) {
            assertThat(EntityTags.matches(ifNoneMatch, 3)).isFalse();
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"", " ", "3", "\"3", "W/3", "three", "W/"})
        @DisplayName("malformed: names nothing, so the read is answered in full, never refused")
        void malformed(String ifNoneMatch) {
            assertThat(EntityTags.matches(ifNoneMatch, 3)).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"3\"", "W/\"3\"", "\"2.personal\""})
        @DisplayName("another view of the version, or another version: not the personal view of version 3")
        void otherView(String ifNoneMatch) {
            assertThat(EntityTags.matches(ifNoneMatch, EntityTags.of(3, "personal")))
                    .isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"3.personal\"", "W/\"3.personal\"", "*"})
        @DisplayName("the personal view of version 3 names it")
        void sameView(String ifNoneMatch) {
            assertThat(EntityTags.matches(ifNoneMatch, EntityTags.of(3, "personal")))
                    .isTrue();
        }

        @Test
        @DisplayName("absent: names nothing")
        void absent() {
            assertThat(EntityTags.matches(null, 3)).isFalse();
        }
    }
}
