package dev.studyboard.member.service;

import dev.studyboard.member.messaging.MemberEvents;
import dev.studyboard.member.model.InvalidMemberException;
import dev.studyboard.member.model.Member;
import dev.studyboard.member.model.MemberStatus;
import dev.studyboard.member.repository.MemberRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * member-service's step of an import (docs/import-saga.md): the writers its notes name join, unless they are
 * members already; undoing the import removes exactly the members it created. Each is one transaction, so the
 * writers join all together or not at all.
 */
@Service
@Transactional
public class MemberImportService {

    private final MemberRepository members;
    private final MemberEvents events;
    private final Clock clock;

    MemberImportService(MemberRepository members, MemberEvents events, Clock clock) {
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The member each writer is. A writer is an existing member when a member has their account, or else when an
     * active member has their display name (the first to join, if several do); an existing member is left as they
     * are. Every other writer joins, marked as created by {@code importId}.
     *
     * @throws WriterCannotJoinException for the first writer who cannot: the caller's transaction then rolls back
     *     whatever joined before
     */
    public List<JoinedWriter> joinWriters(UUID importId, List<Writer> writers) {
        var at = clock.instant();
        var accounts = new HashSet<String>();
        var joined = new ArrayList<JoinedWriter>();
        for (var writer : writers) {
            if (writer.account() != null && !accounts.add(writer.account())) {
                throw new WriterCannotJoinException(writer, "another writer of this import has the same account");
            }
            var member = memberOf(writer, importId, at);
            joined.add(new JoinedWriter(writer.displayName(), member.id(), member.wasImportedBy(importId)));
        }
        return joined;
    }

    /** Removes the members {@code importId} created; none if it created none (or they are removed already). */
    public List<UUID> removeImportedMembers(UUID importId) {
        var imported = members.findByImportedBy(importId);
        var at = clock.instant();
        for (var member : imported) {
            members.delete(member); // checks the version: a concurrent change fails it, and the command is retried
            events.removed(member, at);
        }
        return imported.stream().map(Member::id).toList();
    }

    private Member memberOf(Writer writer, UUID importId, Instant at) {
        Member newMember;
        try {
            // The member's own rules check the writer (and trim the name) before anyone is looked up by it.
            newMember = Member.joinByImport(writer.displayName(), writer.account(), importId, at);
        } catch (InvalidMemberException e) {
            throw new WriterCannotJoinException(writer, e.field() + " " + e.reason());
        }
        return existing(writer, newMember).orElseGet(() -> {
            var saved = members.save(newMember);
            events.joined(saved);
            return saved;
        });
    }

    private Optional<Member> existing(Writer writer, Member newMember) {
        var byAccount = newMember.account().flatMap(members::findByAccount);
        if (byAccount.isPresent()) {
            if (byAccount.get().status() == MemberStatus.LEFT) {
                throw new WriterCannotJoinException(writer, "the account belongs to a member who has left");
            }
            return byAccount;
        }
        return members.findFirstByStatusAndDisplayNameOrderByJoinedAtAscIdAsc(
                MemberStatus.ACTIVE, newMember.displayName());
    }
}
