package dev.studyboard.progress.replica.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.progress.replica.api.SectionsRemoved;
import dev.studyboard.progress.replica.application.CatalogChange.BookRegistered;
import dev.studyboard.progress.replica.application.CatalogChange.BookRemoved;
import dev.studyboard.progress.replica.application.CatalogChange.Chapter;
import dev.studyboard.progress.replica.application.CatalogChange.ChapterAdded;
import dev.studyboard.progress.replica.application.CatalogChange.ChapterRemoved;
import dev.studyboard.progress.replica.application.CatalogChange.ChapterRenamed;
import dev.studyboard.progress.replica.application.CatalogChange.Section;
import dev.studyboard.progress.replica.application.CatalogChange.SectionAdded;
import dev.studyboard.progress.replica.application.CatalogChange.SectionRemoved;
import dev.studyboard.progress.replica.application.CatalogChange.SectionRevised;
import dev.studyboard.progress.replica.application.InMemoryBookReplicaStore.Book;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The replica of the catalog, through its ports, in memory: no Spring, no database, no Kafka. */
@DisplayName("Catalog replication")
class CatalogReplicationTest {

    private final UUID bookId = UUID.randomUUID();
    private final InMemoryBookReplicaStore books = new InMemoryBookReplicaStore();
    private final List<SectionsRemoved> announced = new ArrayList<>();
    private final List<String> itemsWhenAnnounced = new ArrayList<>();
    private final InMemoryReplicaLock lock = new InMemoryReplicaLock();
    private final CatalogReplication replication =
            new CatalogReplication(lock, new IdempotentConsumer(new InMemoryProcessedEvents()), books, event -> {
                itemsWhenAnnounced.addAll(books.items(bookId));
                announced.add((SectionsRemoved) event);
            });

    private static ReceivedEvent event(String type) {
        return new ReceivedEvent(UUID.randomUUID(), "/studyboard/catalog-service", "studyboard.catalog." + type);
    }

    private void apply(CatalogChange change) {
        replication.apply(event(change.getClass().getSimpleName()), change);
    }

    private Book book() {
        return books.book(bookId).orElseThrow();
    }

    /** Version 1: chapter 3 with sections 3.1 and 3.2, chapter 4 with 4.1. */
    private void givenRegistered() {
        apply(new BookRegistered(
                bookId,
                1,
                "그림으로 공부하는 마이크로 서비스 구조",
                List.of(
                        new Chapter(
                                3,
                                "마이크로서비스 아키텍처의 기본",
                                List.of(new Section("3.1", "서비스 구조", 44), new Section("3.2", "레이어 아키텍처", 45))),
                        new Chapter(4, "마이크로서비스 패턴", List.of(new Section("4.1", "패턴", 80))))));
    }

    @Nested
    @DisplayName("a registered book")
    class Registered {

        @Test
        @DisplayName("is copied with its chapters and sections, at the event's version")
        void copied() {
            givenRegistered();

            assertThat(book().version).isOne();
            assertThat(book().chapters).containsOnlyKeys(3, 4);
            assertThat(books.items(bookId)).containsExactly("3.1", "3.2", "4.1");
        }

        @Test
        @DisplayName("registered again (the same news under another event id) changes nothing")
        void registeredAgain() {
            givenRegistered();
            apply(new SectionRevised(bookId, 2, 3, new Section("3.1", "서비스 구조 (v2)", 44)));

            apply(new BookRegistered(bookId, 1, "그림으로 공부하는 마이크로 서비스 구조", List.of()));

            assertThat(book().version).isEqualTo(2);
            assertThat(books.items(bookId)).containsExactly("3.1", "3.2", "4.1");
        }
    }

    @Nested
    @DisplayName("a change to a known book")
    class Changes {

        @Test
        @DisplayName("the next version is applied, and the replica is at that version")
        void nextVersion() {
            givenRegistered();

            apply(new ChapterRenamed(bookId, 2, 3, "기본"));
            apply(new SectionAdded(bookId, 3, 3, new Section("3.3", "헥사고날 아키텍처", 46)));

            assertThat(book().chapters).containsEntry(3, "기본");
            assertThat(books.items(bookId)).contains("3.3");
            assertThat(book().version).isEqualTo(3);
        }

        @Test
        @DisplayName("a duplicate delivery of the same event changes nothing")
        void duplicate() {
            givenRegistered();
            var removal = event("section.removed");
            replication.apply(removal, new SectionRemoved(bookId, 2, 3, "3.2"));

            replication.apply(removal, new SectionRemoved(bookId, 2, 3, "3.2"));

            assertThat(book().version).isEqualTo(2);
            assertThat(announced).hasSize(1);
        }

        @Test
        @DisplayName("old news (a version the replica has passed) is ignored")
        void outOfDate() {
            givenRegistered();
            apply(new SectionRevised(bookId, 2, 3, new Section("3.1", "REST (v2)", 44)));
            apply(new SectionRevised(bookId, 3, 3, new Section("3.1", "REST (newest)", 44)));

            apply(new SectionRevised(bookId, 2, 3, new Section("3.1", "REST (older)", 44)));

            assertThat(book().sections.get("3.1").section().title()).isEqualTo("REST (newest)");
            assertThat(book().version).isEqualTo(3);
        }

        @Test
        @DisplayName("one that skips a version is refused, and nothing of it is applied")
        void versionGap() {
            givenRegistered();

            assertThatThrownBy(() -> apply(new ChapterRenamed(bookId, 3, 3, "skipped version 2")))
                    .isInstanceOf(ReplicaGapException.class)
                    .hasMessageContaining("a change is missing");
            assertThat(book().chapters).containsEntry(3, "마이크로서비스 아키텍처의 기본");
            assertThat(book().version).isOne();
        }

        @Test
        @DisplayName("one about a book never registered here is refused")
        void neverSeen() {
            assertThatThrownBy(() -> apply(new ChapterRenamed(bookId, 5, 1, "orphan")))
                    .isInstanceOf(ReplicaGapException.class)
                    .hasMessageContaining("never seen");
            assertThat(books.book(bookId)).isEmpty();
        }
    }

    @Nested
    @DisplayName("sections that leave the catalog")
    class Removals {

        @Test
        @DisplayName("a removed section is dropped, then announced, so the work on it can go too")
        void sectionRemoved() {
            givenRegistered();

            apply(new SectionRemoved(bookId, 2, 3, "3.2"));

            assertThat(books.items(bookId)).containsExactly("3.1", "4.1");
            assertThat(announced).containsExactly(new SectionsRemoved(bookId, List.of("3.2")));
            assertThat(itemsWhenAnnounced).doesNotContain("3.2");
        }

        @Test
        @DisplayName("a removed chapter takes its sections, and announces them")
        void chapterRemoved() {
            givenRegistered();

            apply(new ChapterRemoved(bookId, 2, 3, List.of("3.1", "3.2")));

            assertThat(book().chapters).containsOnlyKeys(4);
            assertThat(books.items(bookId)).containsExactly("4.1");
            assertThat(announced).containsExactly(new SectionsRemoved(bookId, List.of("3.1", "3.2")));
        }

        @Test
        @DisplayName("a removed book keeps only a tombstone, announces all its sections, and stays removed")
        void bookRemoved() {
            givenRegistered();

            apply(new BookRemoved(bookId, 2));
            apply(new ChapterRenamed(bookId, 3, 4, "late news"));
            apply(new BookRegistered(bookId, 1, "back again?", List.of(new Chapter(1, "one", List.of()))));

            assertThat(book().removed).isTrue();
            assertThat(book().version).isEqualTo(2);
            assertThat(book().chapters).isEmpty();
            assertThat(announced).containsExactly(new SectionsRemoved(bookId, List.of("3.1", "3.2", "4.1")));
            assertThat(itemsWhenAnnounced).isEmpty();
        }
    }

    @Nested
    @DisplayName("replayed in a rebuild")
    class Replayed {

        private void replay(CatalogChange change, boolean announce) {
            replication.replay(event(change.getClass().getSimpleName()), change, announce);
        }

        @Test
        @DisplayName("an event applied before the rebuild changes the replica but announces nothing: it was followed")
        void appliedBefore() {
            replay(
                    new BookRegistered(
                            bookId, 1, "Book", List.of(new Chapter(4, "통합", List.of(new Section("4.8", "x", 1))))),
                    false);

            replay(new SectionRemoved(bookId, 2, 4, "4.8"), false);

            assertThat(books.items(bookId)).isEmpty();
            assertThat(announced).isEmpty();
        }

        @Test
        @DisplayName("an event new to the replicas is announced as usual")
        void newEvent() {
            replay(
                    new BookRegistered(
                            bookId, 1, "Book", List.of(new Chapter(4, "통합", List.of(new Section("4.8", "x", 1))))),
                    false);

            replay(new SectionRemoved(bookId, 2, 4, "4.8"), true);

            assertThat(announced).containsExactly(new SectionsRemoved(bookId, List.of("4.8")));
        }

        @Test
        @DisplayName("takes no lock of its own: the rebuild holds it; a listener's apply takes it shared first")
        void lock() {
            replay(new BookRegistered(bookId, 1, "Book", List.of()), true);
            assertThat(lock.shared).isZero();

            apply(new ChapterAdded(bookId, 2, new Chapter(1, "one", List.of())));
            assertThat(lock.shared).isOne();
        }
    }
}
