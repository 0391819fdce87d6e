package dev.studyboard.progress.imports.adapter.out.persistence;

import dev.studyboard.progress.imports.application.IdempotencyKey;
import dev.studyboard.progress.imports.application.ImportRepository;
import dev.studyboard.progress.imports.domain.ImportStatus;
import dev.studyboard.progress.imports.domain.ImportStep;
import dev.studyboard.progress.imports.domain.ImportedBoard;
import dev.studyboard.progress.imports.domain.JoinedWriter;
import dev.studyboard.progress.imports.domain.SagaCommand;
import dev.studyboard.progress.imports.domain.StepState;
import dev.studyboard.progress.imports.domain.StudyBoardImport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The orchestrator's state in plain SQL; the board, the steps and the members as JSON columns. */
@Repository
class JdbcImportRepository implements ImportRepository {

    private static final String COLUMNS = """
            id, initiator, board, book_id, status, steps, members, reason, awaiting, awaiting_command, attempts,
            due_at, step_started_at, created_at, updated_at""";

    private static final TypeReference<Map<ImportStep, StepState>> STEPS = new TypeReference<>() {};
    private static final TypeReference<List<JoinedWriter>> MEMBERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcImportRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean add(StudyBoardImport started, IdempotencyKey key) {
        return jdbc.sql("""
                        INSERT INTO study_board_import (id, initiator, idempotency_key, request_fingerprint, board,
                                                        book_id, status, steps, members, reason, awaiting,
                                                        awaiting_command, attempts, due_at, step_started_at,
                                                        created_at, updated_at)
                        VALUES (:id, :initiator, :key, :fingerprint, CAST(:board AS JSONB), :bookId, :status,
                                CAST(:steps AS JSONB), CAST(:members AS JSONB), :reason, :awaiting,
                                :awaitingCommand, :attempts, :dueAt, :stepStartedAt, :createdAt, :updatedAt)
                        ON CONFLICT (initiator, idempotency_key) DO NOTHING
                        """)
                        .param("id", started.id())
                        .param("initiator", started.initiator())
                        .param("key", key.key())
                        .param("fingerprint", key.requestFingerprint())
                        .param("board", json.writeValueAsString(started.board()))
                        .param("bookId", started.bookId())
                        .param("createdAt", Timestamp.from(started.createdAt()))
                        .params(changes(started))
                        .update()
                == 1;
    }

    @Override
    public Optional<KeyedImport> findByKey(IdempotencyKey key) {
        return jdbc.sql("""
                        SELECT id, request_fingerprint FROM study_board_import
                         WHERE initiator = :initiator AND idempotency_key = :key
                        """)
                .param("initiator", key.caller())
                .param("key", key.key())
                .query((rs, n) -> new KeyedImport(rs.getObject("id", UUID.class), rs.getString("request_fingerprint")))
                .optional();
    }

    @Override
    public Optional<StudyBoardImport> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM study_board_import WHERE id = :id")
                .param("id", id)
                .query(this::restore)
                .optional();
    }

    @Override
    public Optional<StudyBoardImport> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM study_board_import WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::restore)
                .optional();
    }

    @Override
    public List<UUID> findDue(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM study_board_import WHERE due_at <= :now ORDER BY due_at LIMIT :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    @Override
    public Optional<StudyBoardImport> tryLock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM study_board_import WHERE id = :id FOR UPDATE SKIP LOCKED")
                .param("id", id)
                .query(this::restore)
                .optional();
    }

    @Override
    public void save(StudyBoardImport changed) {
        jdbc.sql("""
                        UPDATE study_board_import
                           SET status = :status, steps = CAST(:steps AS JSONB), members = CAST(:members AS JSONB),
                               reason = :reason, awaiting = :awaiting, awaiting_command = :awaitingCommand,
                               attempts = :attempts, due_at = :dueAt, step_started_at = :stepStartedAt,
                               updated_at = :updatedAt
                         WHERE id = :id
                        """).param("id", changed.id()).params(changes(changed)).update();
    }

    /** The columns every change may touch. */
    private Map<String, Object> changes(StudyBoardImport saga) {
        var values = new java.util.HashMap<String, Object>();
        values.put("status", saga.status().name());
        values.put("steps", json.writeValueAsString(saga.steps()));
        values.put("members", json.writeValueAsString(saga.members()));
        values.put("reason", saga.reason().orElse(null));
        values.put("awaiting", saga.awaiting().map(Enum::name).orElse(null));
        values.put("awaitingCommand", saga.awaitingCommand().orElse(null));
        values.put("attempts", saga.attempts());
        values.put("dueAt", saga.dueAt().map(Timestamp::from).orElse(null));
        values.put("stepStartedAt", Timestamp.from(saga.stepStartedAt()));
        values.put("updatedAt", Timestamp.from(saga.updatedAt()));
        return values;
    }

    private StudyBoardImport restore(ResultSet rs, int rowNum) throws SQLException {
        return StudyBoardImport.restore(
                rs.getObject("id", UUID.class),
                rs.getString("initiator"),
                json.readValue(rs.getString("board"), ImportedBoard.class),
                rs.getObject("book_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                json.readValue(rs.getString("steps"), STEPS),
                ImportStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("members"), MEMBERS),
                rs.getString("reason"),
                Optional.ofNullable(rs.getString("awaiting"))
                        .map(SagaCommand.Kind::valueOf)
                        .orElse(null),
                rs.getObject("awaiting_command", UUID.class),
                rs.getInt("attempts"),
                Optional.ofNullable(rs.getTimestamp("due_at"))
                        .map(Timestamp::toInstant)
                        .orElse(null),
                rs.getTimestamp("step_started_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
