package dev.studyboard.progress.replica.adapter.in.messaging;

import dev.studyboard.progress.replica.application.CatalogChange;
import dev.studyboard.progress.replica.application.CatalogReplication;
import dev.studyboard.progress.replica.application.MemberChange;
import dev.studyboard.progress.replica.application.MemberReplication;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Messaging adapter: consumes {@code catalog.events} and {@code member.events} into the replicas, one listener
 * per topic. Each maps the event types it needs to the data records they carry; types not listed are skipped.
 */
@Component
class UpstreamEventsListener {

    // The event types each replica needs; a rebuild reads the topics with the same ones (RetainedTopics).
    static final Map<String, Class<? extends CatalogChange>> CATALOG_TYPES = Map.of(
            "studyboard.catalog.book.registered", CatalogChange.BookRegistered.class,
            "studyboard.catalog.book.removed", CatalogChange.BookRemoved.class,
            "studyboard.catalog.chapter.added", CatalogChange.ChapterAdded.class,
            "studyboard.catalog.chapter.renamed", CatalogChange.ChapterRenamed.class,
            "studyboard.catalog.chapter.removed", CatalogChange.ChapterRemoved.class,
            "studyboard.catalog.section.added", CatalogChange.SectionAdded.class,
            "studyboard.catalog.section.revised", CatalogChange.SectionRevised.class,
            "studyboard.catalog.section.removed", CatalogChange.SectionRemoved.class);

    static final Map<String, Class<? extends MemberChange>> MEMBER_TYPES = Map.of(
            "studyboard.member.joined", MemberChange.MemberJoined.class,
            "studyboard.member.renamed", MemberChange.MemberRenamed.class,
            "studyboard.member.left", MemberChange.MemberLeft.class,
            "studyboard.member.removed", MemberChange.MemberRemoved.class);

    private final IncomingCloudEvents events;
    private final CatalogReplication catalog;
    private final MemberReplication members;

    UpstreamEventsListener(IncomingCloudEvents events, CatalogReplication catalog, MemberReplication members) {
        this.events = events;
        this.catalog = catalog;
        this.members = members;
    }

    @KafkaListener(id = "catalog-replica", idIsGroup = false, topics = ConsumedTopics.CATALOG_EVENTS)
    void onCatalogEvent(ConsumerRecord<String, byte[]> record) {
        events.apply(record, CATALOG_TYPES, catalog::apply);
    }

    @KafkaListener(id = "member-replica", idIsGroup = false, topics = ConsumedTopics.MEMBER_EVENTS)
    void onMemberEvent(ConsumerRecord<String, byte[]> record) {
        events.apply(record, MEMBER_TYPES, members::apply);
    }
}
