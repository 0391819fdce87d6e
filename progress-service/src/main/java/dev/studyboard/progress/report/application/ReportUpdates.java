package dev.studyboard.progress.report.application;

import dev.studyboard.progress.report.domain.ReportedMember;
import dev.studyboard.progress.report.domain.SectionCounter;
import dev.studyboard.progress.report.domain.Week;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one pumped event to the reporting store, in one transaction with its id: a redelivery finds the id and
 * changes nothing, so each event is counted at most once. One that still fails after its retries (a database outage
 * longer than the back-off) is dead-lettered, and missing until the store is rebuilt (V4's comment says how).
 */
@Service
@Transactional
public class ReportUpdates {

    private static final Logger log = LoggerFactory.getLogger(ReportUpdates.class);

    private final ReportingStore store;
    private final ReportingSettings settings;

    ReportUpdates(ReportingStore store, ReportingSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** A section event: one more on {@code counter}, for the member it names, in the week it happened. */
    public void count(PumpedEvent event, UUID memberId, SectionCounter counter) {
        if (pumpedBefore(event)) {
            return;
        }
        store.count(memberId, Week.of(event.time(), settings.zone()), counter);
    }

    /** A member event: the name and standing the report shows, applied in version order (older news is ignored). */
    public void keep(PumpedEvent event, ReportedMember member) {
        if (pumpedBefore(event)) {
            return;
        }
        store.keep(member);
    }

    private boolean pumpedBefore(PumpedEvent event) {
        if (store.markPumped(event.id())) {
            return false;
        }
        log.debug("Ignoring redelivered event {}", event.id());
        return true;
    }
}
