package dev.studyboard.auth.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.auth.TestKeys;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The signing keys, read from configuration")
class SigningKeysTest {

    private static SigningKeyProperties.Key active() {
        return new SigningKeyProperties.Key(
                "active", TestKeys.privatePem(TestKeys.ACTIVE), TestKeys.publicPem(TestKeys.ACTIVE));
    }

    private static SigningKeyProperties.Key next() {
        return new SigningKeyProperties.Key("next", null, TestKeys.publicPem(TestKeys.NEXT));
    }

    private static SigningKeyProperties configured(SigningKeyProperties.Key... keys) {
        return new SigningKeyProperties(List.of(keys));
    }

    @Test
    @DisplayName("the first key signs (it has its private half), the next one is public only")
    void activeAndNext() {
        var keys = SigningKeys.keys(configured(active(), next()));

        assertThat(keys).extracting(key -> key.getKeyID()).containsExactly("active", "next");
        assertThat(keys.get(0).isPrivate()).isTrue();
        assertThat(keys.get(1).isPrivate()).isFalse();
    }

    @Test
    @DisplayName("accepts PEM written on one line with literal \\n, as an .env file may hold it")
    void escapedNewLines() {
        var oneLine = new SigningKeyProperties.Key(
                "active",
                TestKeys.privatePem(TestKeys.ACTIVE).replace("\n", "\\n"),
                TestKeys.publicPem(TestKeys.ACTIVE).replace("\n", "\\n"));

        assertThat(SigningKeys.keys(configured(oneLine))).hasSize(1);
    }

    @Test
    @DisplayName("an unset next key (empty environment variables) is no key")
    void emptyNextKey() {
        var keys = SigningKeys.keys(configured(active(), new SigningKeyProperties.Key("", null, "")));

        assertThat(keys).hasSize(1);
    }

    @Nested
    @DisplayName("refuses to start")
    class Refuses {

        @Test
        @DisplayName("without a key, saying which variables to set: it never makes one up")
        void noKey() {
            assertThatThrownBy(() -> SigningKeys.keys(configured(new SigningKeyProperties.Key("", "", ""))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("AUTH_SIGNING_PRIVATE_KEY")
                    .hasMessageContaining("never makes up a key");
        }

        @Test
        @DisplayName("when the first key has no private half")
        void publicOnlyFirst() {
            assertThatThrownBy(() -> SigningKeys.keys(configured(next(), active())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No signing key configured");
        }

        @Test
        @DisplayName("when the public key is not the private key's other half")
        void mismatchedHalves() {
            var mixed = new SigningKeyProperties.Key(
                    "active", TestKeys.privatePem(TestKeys.ACTIVE), TestKeys.publicPem(TestKeys.NEXT));

            assertThatThrownBy(() -> SigningKeys.keys(configured(mixed)))
                    .hasMessageContaining("not the private key's other half");
        }

        @Test
        @DisplayName("when two keys have the same key id")
        void sameKeyId() {
            var alsoActive = new SigningKeyProperties.Key("active", null, TestKeys.publicPem(TestKeys.NEXT));

            assertThatThrownBy(() -> SigningKeys.keys(configured(active(), alsoActive)))
                    .hasMessageContaining("its own key-id");
        }

        @Test
        @DisplayName("when the text is not a PEM key, naming the property")
        void notPem() {
            var garbage = new SigningKeyProperties.Key("active", "not a key", TestKeys.publicPem(TestKeys.ACTIVE));

            assertThatThrownBy(() -> SigningKeys.keys(configured(garbage)))
                    .hasMessageContaining("studyboard.auth.signing-keys[0].private-key");
        }
    }
}
