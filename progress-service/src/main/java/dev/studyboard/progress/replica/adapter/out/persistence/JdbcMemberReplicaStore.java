package dev.studyboard.progress.replica.adapter.out.persistence;

import dev.studyboard.progress.replica.application.MemberReplicaStore;
import dev.studyboard.progress.replica.application.ReplicaVersion;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The member replica in plain SQL: a member who left stays, inactive, so the board still names their work. It
 * keeps the member's account (who acts as them) but never their e-mail.
 */
@Repository
class JdbcMemberReplicaStore implements MemberReplicaStore {

    private final JdbcClient jdbc;

    JdbcMemberReplicaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ReplicaVersion> version(UUID memberId) {
        return jdbc.sql("SELECT version FROM member_replica WHERE member_id = ?")
                .param(memberId)
                .query((rs, n) -> new ReplicaVersion(rs.getLong("version"), false))
                .optional();
    }

    @Override
    public void insert(UUID memberId, long version, String displayName, String account) {
        jdbc.sql("INSERT INTO member_replica (member_id, display_name, account, active, version)"
                        + " VALUES (:memberId, :displayName, :account, TRUE, :version)")
                .param("memberId", memberId)
                .param("displayName", displayName)
                .param("account", account, Types.VARCHAR) // typed, so an event without one stores NULL
                .param("version", version)
                .update();
    }

    @Override
    public void rename(UUID memberId, long version, String displayName) {
        update(
                "UPDATE member_replica SET display_name = ?, version = ? WHERE member_id = ?",
                displayName,
                version,
                memberId);
    }

    @Override
    public void markLeft(UUID memberId, long version) {
        update("UPDATE member_replica SET active = FALSE, version = ? WHERE member_id = ?", version, memberId);
    }

    @Override
    public void delete(UUID memberId) {
        update("DELETE FROM member_replica WHERE member_id = ?", memberId);
    }

    private void update(String sql, Object... params) {
        jdbc.sql(sql).params(params).update();
    }
}
