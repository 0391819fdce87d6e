package dev.studyboard.progress.replica.adapter.out.persistence;

import dev.studyboard.progress.replica.application.MemberReplicaStore;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMemberReplicaStore implements MemberReplicaStore {

    private final JdbcClient jdbc;

    JdbcMemberReplicaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OptionalLong version(UUID memberId) {
        return jdbc.sql("SELECT version FROM member_replica WHERE member_id = :id")
                .param("id", memberId)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    @Override
    public void insert(UUID memberId, long version, String displayName) {
        jdbc.sql("""
                        INSERT INTO member_replica (member_id, display_name, active, version)
                        VALUES (:id, :name, TRUE, :version)
                        """)
                .param("id", memberId).param("name", displayName).param("version", version)
                .update();
    }

    @Override
    public void rename(UUID memberId, long version, String displayName) {
        jdbc.sql("UPDATE member_replica SET display_name = :name, version = :version WHERE member_id = :id")
                .param("id", memberId).param("name", displayName).param("version", version)
                .update();
    }

    @Override
    public void markLeft(UUID memberId, long version) {
        jdbc.sql("UPDATE member_replica SET active = FALSE, version = :version WHERE member_id = :id")
                .param("id", memberId).param("version", version)
                .update();
    }
}
