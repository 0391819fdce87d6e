package dev.studyboard.member.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.member.MemberIntegrationTest;
import dev.studyboard.member.service.Actor;
import dev.studyboard.member.service.MemberService;
import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.TestIssuer;
import dev.studyboard.web.EntityTags;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code member.events} contract, end to end through the transactional outbox: what commits arrives,
 * keyed by member id, with the version the client saw as ETag; what rolls back never does.
 */
@MemberIntegrationTest
@DisplayName("member.events")
class MemberEventsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    RestTestClient http;

    @Autowired
    MemberService members;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    CloudEventRecorder events;

    @BeforeEach
    void recordMemberEvents() {
        events = CloudEventRecorder.from("member.events");
    }

    @AfterEach
    void stopRecording() {
        events.close();
    }

    /** Added by the organizer. */
    private EntityExchangeResult<JsonNode> join(String body) {
        return joinAs(TestIssuer.shared().organizer(), body);
    }

    private EntityExchangeResult<JsonNode> joinAs(String authorization, String body) {
        return http.post()
                .uri("/api/members")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private EntityExchangeResult<JsonNode> rename(String memberId, String displayName) {
        return http.put()
                .uri("/api/members/{id}/display-name", memberId)
                .header(HttpHeaders.AUTHORIZATION, TestIssuer.shared().organizer())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"displayName\": \"" + displayName + "\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private EntityExchangeResult<JsonNode> leave(String memberId) {
        return http.post()
                .uri("/api/members/{id}/leave", memberId)
                .header(HttpHeaders.AUTHORIZATION, TestIssuer.shared().organizer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private JsonNode data(ConsumerRecord<String, CloudEvent> record) {
        return json.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
    }

    /** The version a response announced, whichever view: {@code ETag: "2.personal"} → 2. */
    private static long etag(EntityExchangeResult<?> response) {
        return EntityTags.expectedVersion(response.getResponseHeaders().getETag())
                .orElseThrow();
    }

    @Test
    @DisplayName("joined, renamed and left arrive in order, keyed by member id, with the version of the ETag")
    void joinedRenamedLeft() {
        var account = "sanggyeong-" + UUID.randomUUID();
        var email = account + "@example.com";
        var joined =
                joinAs(TestIssuer.shared().member(account), "{\"displayName\": \"이상경\", \"email\": \"" + email + "\"}");
        var memberId = joined.getResponseBody().get("id").asString();
        var renamed = rename(memberId, "이상경 (스터디장)");
        var left = leave(memberId);

        var received = events.awaitSubject(memberId, 3, TIMEOUT);

        assertThat(received)
                .extracting(r -> r.value().getType())
                .containsExactly("studyboard.member.joined", "studyboard.member.renamed", "studyboard.member.left");
        assertThat(received)
                .extracting(r -> r.value().getDataSchema())
                .containsExactly(
                        URI.create("urn:studyboard:schema:member.joined:v1"),
                        URI.create("urn:studyboard:schema:member.renamed:v1"),
                        URI.create("urn:studyboard:schema:member.left:v1"));
        assertThat(received).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(memberId);
            assertThat(record.value().getSubject()).isEqualTo(memberId);
            assertThat(record.value().getSource()).isEqualTo(URI.create("/studyboard/member-service"));
            assertThat(record.value().getDataContentType()).isEqualTo("application/json");
            assertThat(record.value().getTime()).isNotNull();
        });

        var joinedData = data(received.get(0));
        assertThat(joinedData.propertyNames())
                .containsExactlyInAnyOrder("memberId", "memberVersion", "displayName", "email", "joinedAt", "account");
        assertThat(joinedData.get("memberId").asString()).isEqualTo(memberId);
        assertThat(joinedData.get("memberVersion").asLong())
                .isEqualTo(etag(joined))
                .isEqualTo(1);
        assertThat(joinedData.get("displayName").asString()).isEqualTo("이상경");
        assertThat(joinedData.get("account").asString())
                .as("the member's account: the subject of the token they joined with")
                .isEqualTo(account);
        assertThat(joinedData.get("email").isNull())
                .as("the e-mail stays in member-service (be frugal, 9.6)")
                .isTrue();
        assertThat(joined.getResponseBody().get("email").asString())
                .as("though the member has one")
                .isEqualTo(email);
        assertThat(joinedData.get("joinedAt").asString())
                .isEqualTo(joined.getResponseBody().get("joinedAt").asString());

        var renamedData = data(received.get(1));
        assertThat(renamedData.propertyNames()).containsExactlyInAnyOrder("memberId", "memberVersion", "displayName");
        assertThat(renamedData.get("memberVersion").asLong())
                .isEqualTo(etag(renamed))
                .isEqualTo(2);
        assertThat(renamedData.get("displayName").asString()).isEqualTo("이상경 (스터디장)");

        var leftData = data(received.get(2));
        assertThat(leftData.propertyNames()).containsExactlyInAnyOrder("memberId", "memberVersion", "leftAt");
        assertThat(leftData.get("memberVersion").asLong()).isEqualTo(etag(left)).isEqualTo(3);
        assertThat(leftData.get("leftAt").asString())
                .isEqualTo(left.getResponseBody().get("leftAt").asString());
    }

    @Test
    @DisplayName("a member nobody signs in as is published with \"account\": null, and \"email\": null as always")
    void joinedWithoutAccount() {
        var memberId = join("{\"displayName\": \"김상초\", \"email\": \"sangcho-" + UUID.randomUUID() + "@example.com\"}")
                .getResponseBody()
                .get("id")
                .asString();

        var received = events.awaitSubject(memberId, 1, TIMEOUT);

        var data = data(received.get(0));
        assertThat(data.has("account")).isTrue();
        assertThat(data.get("account").isNull()).isTrue();
        assertThat(data.has("email")).as("the field stays for v1 consumers").isTrue();
        assertThat(data.get("email").isNull()).isTrue();
    }

    @Test
    @DisplayName("a rolled-back change is never published")
    void rolledBackChangeIsNeverPublished() {
        var rolledBack = transaction.execute(status -> {
            var member = members.join(new Actor("organizer", true, true, false), "김태현", null, null);
            status.setRollbackOnly();
            return member.id().toString();
        });
        var committed =
                join("{\"displayName\": \"김태현\"}").getResponseBody().get("id").asString();
        rename(
                committed,
                "김태현 (발표)"); // committed after the rolled-back join: had it written anything, that would be out first

        var received = events.awaitSubject(committed, 2, TIMEOUT);

        assertThat(received).hasSize(2);
        assertThat(events.drainFor(Duration.ZERO)).noneMatch(r -> rolledBack.equals(r.key()));
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :id")
                        .param("id", rolledBack)
                        .query(Long.class)
                        .single())
                .isZero();
        http.get()
                .uri("/api/members/{id}", rolledBack)
                .header(HttpHeaders.AUTHORIZATION, TestIssuer.shared().organizer())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    @DisplayName("the outbox keeps the stored version: what the database holds is what was published")
    void publishedVersionIsStoredVersion() {
        var memberId =
                join("{\"displayName\": \"이상경\"}").getResponseBody().get("id").asString();
        rename(memberId, "이상경 (2기)");

        var received = events.awaitSubject(memberId, 2, TIMEOUT);

        long stored = jdbc.sql("SELECT version FROM member WHERE id = :id")
                .param("id", UUID.fromString(memberId))
                .query(Long.class)
                .single();
        assertThat(data(received.get(1)).get("memberVersion").asLong())
                .isEqualTo(stored)
                .isEqualTo(2);
    }
}
