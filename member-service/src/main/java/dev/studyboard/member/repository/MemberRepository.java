package dev.studyboard.member.repository;

import dev.studyboard.member.model.Member;
import dev.studyboard.member.model.MemberStatus;
import dev.studyboard.member.model.MemberVersion;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/**
 * The member table (database access), through Spring Data JDBC: it writes the SQL for saving,
 * finding and paging from the {@link Member} mapping, so the service layer only names what it needs.
 */
public interface MemberRepository
        extends ListCrudRepository<Member, UUID>, ListPagingAndSortingRepository<Member, UUID> {

    Page<Member> findByStatus(MemberStatus status, Pageable pageable);

    /** The member's current version and account alone, without loading the member: enough for a conditional read. */
    @Query("SELECT version, account FROM member WHERE id = :id")
    Optional<MemberVersion> findVersionById(UUID id);

    /** The member a person is, by the subject of their tokens. */
    Optional<Member> findByAccount(String account);

    boolean existsByAccount(String account);

    /** The first to join of the members with this status and display name, e.g. the active 이상경. */
    Optional<Member> findFirstByStatusAndDisplayNameOrderByJoinedAtAscIdAsc(MemberStatus status, String displayName);

    /** The members import {@code importId} created. */
    List<Member> findByImportedBy(UUID importId);

    /** Written out so it matches the unique index on {@code lower(email)}: capitalisation makes no new address. */
    @Query("SELECT EXISTS (SELECT 1 FROM member WHERE lower(email) = lower(:email))")
    boolean isEmailTaken(String email);
}
