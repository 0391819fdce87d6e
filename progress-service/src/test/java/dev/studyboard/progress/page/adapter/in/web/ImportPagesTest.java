package dev.studyboard.progress.page.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.progress.ProgressIntegrationTest;
import dev.studyboard.progress.UpstreamEvents;
import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.TestIssuer;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organizer imports a study board from a page: the notes uploaded as a file start the import saga (catalog-service
 * and member-service played by the test, as in {@code ImportSagaTest}), its page follows it, and the board it makes
 * is the notes' board again.
 */
@ProgressIntegrationTest
@DisplayName("Importing a study board from the pages")
class ImportPagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");

    /** A section row of the notes' tables: {@code | 3.1 | 서비스 구조 | 44 | 이상경 | :heavy_check_mark: |}. */
    private static final Pattern SECTION_ROW = Pattern.compile("^\\|\\s*\\d+(\\.\\d+)+\\s*\\|.*");

    private static final Pattern CHAPTER = Pattern.compile("^\\*\\*(\\d+장\\..*)\\*\\*$");

    @Autowired
    RestTestClient http;

    final UpstreamEvents participants = new UpstreamEvents();
    final String asOrganizer = ISSUER.organizer();
    private CloudEventRecorder catalogCommands;
    private CloudEventRecorder memberCommands;

    /** After the context started: the service declares the command topics. */
    @BeforeEach
    void record() {
        catalogCommands = CloudEventRecorder.from("catalog.commands");
        memberCommands = CloudEventRecorder.from("member.commands");
    }

    @AfterEach
    void close() {
        catalogCommands.close();
        memberCommands.close();
        participants.close();
    }

    /** The study group's real notes, as the repository ships them for the demo. */
    private static String seed(String name) throws IOException {
        return Files.readString(Path.of("../demo-loader/src/main/resources/seeds", name));
    }

    /** Small notes of their own, so that no other test's upload has the same notes. */
    private static String smallNotes() {
        return """
                # 작은 책 %s
                **01장. 첫 장**
                | 아이템 | 제목 | 페이지 | 작성자 | 완료 |
                | :----: | ---- | :----: | :----: | :----: |
                | 1.1 | 첫 절 | 3 | | |
                """.formatted(UUID.randomUUID());
    }

    /** A new form's key, as {@code /imports/new} renders it. */
    private String newForm() {
        return page("/imports/new")
                .selectFirst("form#import-form input[type=hidden][name=idempotencyKey]")
                .val();
    }

    /** The upload form, sent by htmx. */
    private RestTestClient.ResponseSpec upload(String formKey, byte[] notes, String authors, String bearer) {
        var form = new MultipartBodyBuilder();
        form.part("notes", notes).filename("notes.md").contentType(MediaType.TEXT_MARKDOWN);
        form.part("authors", authors);
        form.part("idempotencyKey", formKey);
        return http.post()
                .uri("/imports")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .header("HX-Request", "true")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form.build())
                .exchange();
    }

    /** Uploads the notes from a new form; the answer sends the browser to the import's page. */
    private String started(String notes) {
        return started(newForm(), notes);
    }

    private String started(String formKey, String notes) {
        var redirect = upload(formKey, notes.getBytes(StandardCharsets.UTF_8), "", asOrganizer)
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("HX-Redirect");
        assertThat(redirect).matches("/imports/[0-9a-f-]{36}");
        return redirect;
    }

    private Document page(String path) {
        var html = http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(HTML_UTF8)
                .returnResult(String.class)
                .getResponseBody();
        return Jsoup.parse(html);
    }

    /** The form the answer puts in place of the one sent, with its alert. */
    private static Element refusedForm(RestTestClient.ResponseSpec response, HttpStatus status) {
        var html = response.expectStatus()
                .isEqualTo(status)
                .returnResult(String.class)
                .getResponseBody();
        var form = Jsoup.parseBodyFragment(html).selectFirst("form#import-form");
        assertThat(form).isNotNull();
        assertThat(form.select("[role=alert]")).isNotEmpty();
        return form;
    }

    private static ConsumerRecord<String, CloudEvent> command(CloudEventRecorder topic, UUID importId, String type) {
        return topic
                .awaitUntil(all -> all.stream().anyMatch(record -> isCommand(record, importId, type)), TIMEOUT)
                .stream()
                .filter(record -> isCommand(record, importId, type))
                .findFirst()
                .orElseThrow();
    }

    private static boolean isCommand(ConsumerRecord<String, CloudEvent> record, UUID importId, String type) {
        return importId.toString().equals(record.value().getSubject())
                && ("studyboard.progress.import." + type).equals(record.value().getType());
    }

    private static JsonNode data(ConsumerRecord<String, CloudEvent> command) {
        return JSON.readTree(command.value().getData().toBytes());
    }

    /** catalog-service's part: the book registered as the command describes it, its event, and the reply. */
    private UUID catalogRegisters(UUID importId) {
        var command = command(catalogCommands, importId, "register-book");
        var book = data(command);
        var bookId = UUID.fromString(book.get("bookId").asString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> chapters = JSON.treeToValue(book.get("chapters"), List.class);
        participants.bookRegistered(bookId, book.get("title").asString(), chapters);
        participants.importReply(
                "catalog",
                "import.book-registered",
                importId,
                Map.of("importId", importId, "commandId", command.value().getId(), "bookId", bookId));
        return bookId;
    }

    /** member-service's part: each writer joined as a new member, their events, and the reply. */
    private void membersJoin(UUID importId) {
        var command = command(memberCommands, importId, "join-writers");
        var members = new ArrayList<Map<String, Object>>();
        for (var writer : data(command).get("writers")) {
            var memberId = UUID.randomUUID();
            var name = writer.get("displayName").asString();
            participants.memberJoined(memberId, name);
            members.add(Map.of("displayName", name, "memberId", memberId, "created", true));
        }
        participants.importReply(
                "member",
                "import.writers-joined",
                importId,
                Map.of("importId", importId, "commandId", command.value().getId(), "members", members));
    }

    private static UUID idOf(String importPage) {
        return UUID.fromString(importPage.substring("/imports/".length()));
    }

    @Nested
    @DisplayName("the organizer")
    class Organizer {

        @Test
        @DisplayName("finds a form with a labelled file input, posted by htmx only, as multipart")
        void form() {
            var form = page("/imports/new").selectFirst("form#import-form");

            assertThat(form.attr("hx-post")).isEqualTo("/imports");
            assertThat(form.attr("hx-encoding")).isEqualTo("multipart/form-data");
            assertThat(form.hasAttr("action"))
                    .as("no plain form post: it could not pass the gateway's CSRF check")
                    .isFalse();
            var file = form.selectFirst("input[type=file][name=notes]");
            assertThat(form.selectFirst("label[for=" + file.id() + "]")).isNotNull();
        }

        @Test
        @DisplayName("each form has a key of its own (its Idempotency-Key)")
        void keyPerForm() {
            var first = newForm();
            var second = newForm();

            assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
        }

        @Test
        @DisplayName("uploads seed 000: the import completes, and the board has exactly the notes' rows, in order")
        void seed000() throws IOException {
            var notes = seed("000-microservice-structure.md");
            var importPage = started(notes);
            var importId = idOf(importPage);

            var running = page(importPage).selectFirst("#import-state");
            assertThat(running.attr("hx-trigger")).isEqualTo("every 1s");

            var bookId = catalogRegisters(importId);
            membersJoin(importId);

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(page(importPage)
                                    .selectFirst("#import-state")
                                    .attr("data-status"))
                            .isEqualTo("COMPLETED"));
            var completed = page(importPage);
            assertThat(completed.selectFirst("#import-state").hasAttr("hx-trigger"))
                    .as("a finished import stops fetching itself")
                    .isFalse();
            assertThat(completed.selectFirst("#imported-board").attr("href")).isEqualTo("/books/" + bookId);

            var board = page("/books/" + bookId);
            assertThat(board.select("section.chapter h2").eachText()).isEqualTo(chapterHeadings(notes));
            assertThat(board.select("tr[data-item]").stream().map(ImportPagesTest::cells))
                    .containsExactlyElementsOf(sectionRows(notes));
        }

        @Test
        @DisplayName("sends the same form twice (a double click): the same import")
        void sameFormTwice() {
            var form = newForm();
            var notes = smallNotes();

            assertThat(started(form, notes)).isEqualTo(started(form, notes));
        }

        @Test
        @DisplayName("sends the same form again with other authors: 422, a new form with an alert")
        void sameFormOtherAuthors() {
            var form = newForm();
            var notes = smallNotes().getBytes(StandardCharsets.UTF_8);
            upload(form, notes, "", asOrganizer).expectStatus().isOk();

            var again = refusedForm(upload(form, notes, "Hiroyuki", asOrganizer), HttpStatus.UNPROCESSABLE_CONTENT);

            assertThat(again.selectFirst("input[name=idempotencyKey]").val()).isNotEqualTo(form);
        }

        @Test
        @DisplayName("uploads the same file from a new form after its import was undone: a new import")
        void sameFileNewFormAfterCompensation() {
            var notes = smallNotes();
            var first = started(notes);
            var importId = idOf(first);
            var register = command(catalogCommands, importId, "register-book");
            participants.importReply(
                    "catalog",
                    "import.book-refused",
                    importId,
                    Map.of("importId", importId, "commandId", register.value().getId(), "reason", "책이 이미 있습니다"));
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(
                                    page(first).selectFirst("#import-state").attr("data-status"))
                            .isEqualTo("COMPENSATED"));

            var second = started(notes);

            assertThat(second).isNotEqualTo(first);
            assertThat(page(second).selectFirst("#import-state").attr("data-status"))
                    .isEqualTo("REGISTERING_BOOK");
        }

        @Test
        @DisplayName("uploads notes that cannot be read: 400, the form again naming each line")
        void unreadable() {
            var notes = smallNotes().replace("| 3 |", "| 셋 |").getBytes(StandardCharsets.UTF_8);

            var form = refusedForm(upload(newForm(), notes, "", asOrganizer), HttpStatus.BAD_REQUEST);

            assertThat(form.select("[role=alert] li").eachText())
                    .containsExactly("line 5: 페이지 is a page number from 1 to 100000, not '셋'");
        }

        @Test
        @DisplayName("uploads a file that is not UTF-8 text: 400, the form again")
        void notText() {
            refusedForm(
                    upload(newForm(), new byte[] {(byte) 0xC3, (byte) 0x28, 0x0A}, "", asOrganizer),
                    HttpStatus.BAD_REQUEST);
        }
    }

    @Nested
    @DisplayName("a member")
    class Member {

        @Test
        @DisplayName("is refused the pages and the upload: 403, as a page")
        void refused() {
            var asMember = ISSUER.member("member-" + UUID.randomUUID());

            var page = http.get()
                    .uri("/imports/new")
                    .header(HttpHeaders.AUTHORIZATION, asMember)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(HTML_UTF8)
                    .returnResult(String.class)
                    .getResponseBody();
            assertThat(Jsoup.parse(page).selectFirst("main [role=alert]")).isNotNull();
            upload(UUID.randomUUID().toString(), smallNotes().getBytes(StandardCharsets.UTF_8), "", asMember)
                    .expectStatus()
                    .isForbidden();
        }
    }

    /** The notes' chapter lines, {@code **03장. 마이크로서비스 아키텍처의 기본**}, as headings. */
    private static List<String> chapterHeadings(String notes) {
        return notes.lines()
                .map(String::strip)
                .map(CHAPTER::matcher)
                .filter(java.util.regex.Matcher::matches)
                .map(chapter -> chapter.group(1).strip())
                .toList();
    }

    /** The notes' section rows, cells stripped, the done mark as the page shows it: an independent reading. */
    private static List<List<String>> sectionRows(String notes) {
        return notes.lines()
                .map(String::strip)
                .filter(line -> SECTION_ROW.matcher(line).matches())
                .map(line -> Arrays.stream(line.split("\\|", -1))
                        .skip(1)
                        .limit(5)
                        .map(String::strip)
                        .map(cell -> cell.equals(":heavy_check_mark:") ? "✔️" : cell)
                        .toList())
                .toList();
    }

    private static List<String> cells(Element row) {
        return List.of(
                row.selectFirst("td.item").text(),
                row.selectFirst("td.title").text(),
                row.selectFirst("td.page").text(),
                row.selectFirst("td.writer").text(),
                row.selectFirst("td.done").text());
    }
}
