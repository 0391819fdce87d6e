package dev.studyboard.progress.replica.adapter.in.messaging;

import dev.studyboard.progress.replica.application.CatalogChange;
import dev.studyboard.progress.replica.application.CatalogReplication;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Messaging adapter: consumes {@code catalog.events} into the replica of the catalog's books. */
@Component
class CatalogEventsListener {

    /** Event type → the data record it carries. Types not listed are not needed here and are skipped. */
    private static final Map<String, Class<? extends CatalogChange>> TYPES = Map.of(
            "studyboard.catalog.book.registered", CatalogChange.BookRegistered.class,
            "studyboard.catalog.book.removed", CatalogChange.BookRemoved.class,
            "studyboard.catalog.chapter.added", CatalogChange.ChapterAdded.class,
            "studyboard.catalog.chapter.renamed", CatalogChange.ChapterRenamed.class,
            "studyboard.catalog.chapter.removed", CatalogChange.ChapterRemoved.class,
            "studyboard.catalog.section.added", CatalogChange.SectionAdded.class,
            "studyboard.catalog.section.revised", CatalogChange.SectionRevised.class,
            "studyboard.catalog.section.removed", CatalogChange.SectionRemoved.class);

    private final IncomingCloudEvents events;
    private final CatalogReplication replication;

    CatalogEventsListener(IncomingCloudEvents events, CatalogReplication replication) {
        this.events = events;
        this.replication = replication;
    }

    @KafkaListener(id = "catalog-replica", idIsGroup = false, topics = ConsumedTopics.CATALOG_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        events.apply(record, TYPES, replication::apply);
    }
}
