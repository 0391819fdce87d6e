package dev.studyboard.progress.replica.adapter.out.persistence;

import dev.studyboard.progress.replica.api.ReplicatedData;
import dev.studyboard.progress.replica.application.ReplicaLock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Answers the other features' questions from the replicas, in this service's own database. {@code FOR SHARE}
 * holds the answer until the asking transaction commits: an event that removes the section or marks the member
 * as left waits for it, and then sees (and undoes) what it did. Each answer first takes the replicas' lock shared:
 * while a rebuild runs it waits, then answers from the rebuilt replicas (a row being replaced would read as gone).
 */
@Repository
class JdbcReplicatedData implements ReplicatedData {

    private final JdbcClient jdbc;
    private final ReplicaLock lock;

    JdbcReplicatedData(JdbcClient jdbc, ReplicaLock lock) {
        this.jdbc = jdbc;
        this.lock = lock;
    }

    @Override
    public boolean sectionExists(UUID bookId, String item) {
        lock.shared();
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM section_replica WHERE book_id = :bookId AND item = :item FOR SHARE)")
                .param("bookId", bookId)
                .param("item", item)
                .query(Boolean.class)
                .single();
    }

    @Override
    public boolean bookExists(UUID bookId) {
        lock.shared();
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM book_replica WHERE book_id = :bookId AND NOT removed FOR SHARE)")
                .param("bookId", bookId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Optional<MemberStanding> member(UUID memberId) {
        lock.shared();
        return jdbc.sql("SELECT active FROM member_replica WHERE member_id = :id FOR SHARE")
                .param("id", memberId)
                .query((rs, n) -> standing(rs))
                .optional();
    }

    @Override
    public Optional<AccountMember> memberByAccount(String account) {
        lock.shared();
        return jdbc.sql("SELECT member_id, active FROM member_replica WHERE account = :account FOR SHARE")
                .param("account", account)
                .query((rs, n) -> new AccountMember(rs.getObject("member_id", UUID.class), standing(rs)))
                .optional();
    }

    private static MemberStanding standing(ResultSet rs) throws SQLException {
        return rs.getBoolean("active") ? MemberStanding.ACTIVE : MemberStanding.LEFT;
    }
}
