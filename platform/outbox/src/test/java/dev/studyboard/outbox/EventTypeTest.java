package dev.studyboard.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("An event type")
class EventTypeTest {

    @Test
    @DisplayName("is named studyboard.<service>.<name>, its data schema urn:studyboard:schema:<service>.<name>:v1")
    void namesTypeAndSchema() {
        var type = EventType.v1("catalog", "book.registered");

        assertThat(type.cloudEventsType()).isEqualTo("studyboard.catalog.book.registered");
        assertThat(type.dataSchema()).isEqualTo(URI.create("urn:studyboard:schema:catalog.book.registered:v1"));
    }

    @Test
    @DisplayName("keeps its name in a new version of its contract; only the schema's version changes")
    void newVersionKeepsName() {
        var v2 = new EventType("member", "joined", 2);

        assertThat(v2.cloudEventsType())
                .isEqualTo(EventType.v1("member", "joined").cloudEventsType());
        assertThat(v2.dataSchema()).isEqualTo(URI.create("urn:studyboard:schema:member.joined:v2"));
    }

    @ParameterizedTest(name = "service \"{0}\", name \"{1}\", version {2}")
    @CsvSource({
        "'', book.registered, 1",
        "Catalog, book.registered, 1",
        "catalog.events, book.registered, 1",
        "catalog, '', 1",
        "catalog, book registered, 1",
        "catalog, book..registered, 1",
        "catalog, .registered, 1",
        "catalog, book.registered, 0"
    })
    @DisplayName("refuses what would not make a clean type and schema name")
    void refusesMalformedNames(String service, String name, int version) {
        assertThatIllegalArgumentException().isThrownBy(() -> new EventType(service, name, version));
    }
}
