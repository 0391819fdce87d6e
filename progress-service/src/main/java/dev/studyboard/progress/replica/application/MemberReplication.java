package dev.studyboard.progress.replica.application;

import dev.studyboard.progress.assignment.application.AssignmentWork;
import dev.studyboard.progress.replica.application.MemberChange.MemberJoined;
import dev.studyboard.progress.replica.application.MemberChange.MemberLeft;
import dev.studyboard.progress.replica.application.MemberChange.MemberRenamed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the replica of the members this service needs (names for the board, who is still active) in step
 * with {@code member.events}; a member who leaves has their open write-ups released, in the same transaction.
 */
@Service
public class MemberReplication {

    private static final Logger log = LoggerFactory.getLogger(MemberReplication.class);

    private final ProcessedEvents processed;
    private final MemberReplicaStore members;
    private final AssignmentWork assignments;

    MemberReplication(ProcessedEvents processed, MemberReplicaStore members, AssignmentWork assignments) {
        this.processed = processed;
        this.members = members;
        this.assignments = assignments;
    }

    @Transactional
    public void apply(ReceivedEvent event, MemberChange change) {
        if (!processed.markProcessed(event)) {
            log.debug("Ignoring duplicate {} {}", event.type(), event.id());
            return;
        }
        var known = members.version(change.memberId());
        if (change instanceof MemberJoined joined) {
            if (known.isEmpty()) {
                members.insert(joined.memberId(), joined.memberVersion(), joined.displayName());
            }
            return;
        }
        long version = known.orElseThrow(() -> new ReplicaGapException(
                event.type() + " for member " + change.memberId() + ", whom this replica has never seen"));
        if (change.memberVersion() <= version) {
            log.debug("Ignoring out-of-date {} (member at version {})", event.type(), version);
            return;
        }
        if (change.memberVersion() > version + 1) { // every change raises the version by one
            throw new ReplicaGapException(event.type() + " makes member " + change.memberId() + " version "
                    + change.memberVersion() + ", but the replica is at " + version + ": a change is missing");
        }
        if (change instanceof MemberRenamed renamed) {
            members.rename(renamed.memberId(), renamed.memberVersion(), renamed.displayName());
        } else if (change instanceof MemberLeft left) {
            members.markLeft(left.memberId(), left.memberVersion());
            assignments.releaseOpenWorkOf(left.memberId());
        }
    }
}
