package dev.studyboard.progress.replica.adapter.out.persistence;

import dev.studyboard.progress.assignment.application.ReplicatedData;
import dev.studyboard.progress.assignment.domain.SectionRef;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Answers the assignment rules' questions from the replicas, in this service's own database. {@code FOR SHARE}
 * holds the answer until the request commits: an event that removes the section or marks the member as left
 * waits for it, and then sees (and releases) the assignment it made.
 */
@Repository
class JdbcReplicatedData implements ReplicatedData {

    private final JdbcClient jdbc;

    JdbcReplicatedData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean sectionExists(SectionRef section) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM section_replica WHERE book_id = :bookId AND item = :item FOR SHARE)")
                .param("bookId", section.bookId()).param("item", section.item())
                .query(Boolean.class)
                .single();
    }

    @Override
    public Optional<MemberStanding> member(UUID memberId) {
        return jdbc.sql("SELECT active FROM member_replica WHERE member_id = :id FOR SHARE")
                .param("id", memberId)
                .query((rs, n) -> rs.getBoolean("active") ? MemberStanding.ACTIVE : MemberStanding.LEFT)
                .optional();
    }
}
