package dev.studyboard.progress.benchmark;

import static org.awaitility.Awaitility.await;

import dev.studyboard.progress.UpstreamEvents;
import dev.studyboard.progress.assignment.api.RecordedWork;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A study board as big as the notes' (demo-loader's seeds): their two books with as many sections per chapter, ten
 * members, most sections assigned, a third done. Built the way production builds it: books and members arrive as
 * catalog-service's and member-service's events, the work is recorded as an import records it ({@link RecordedWork}).
 */
final class StudyBoardSeed {

    /** A book of the notes: its title and how many sections each chapter has. */
    record Book(UUID id, String title, List<Integer> sectionsPerChapter) {}

    /** What one book's board holds once seeded. */
    record Seeded(Book book, int sections, int assigned, int done) {}

    static final Book BUILDING_MICROSERVICES =
            new Book(UUID.randomUUID(), "마이크로서비스 아키텍처 구축", List.of(6, 11, 8, 16, 22, 13, 12, 13, 11, 13, 16, 3));

    static final Book MICROSERVICE_STRUCTURE =
            new Book(UUID.randomUUID(), "그림으로 공부하는 마이크로 서비스 구조", List.of(3, 7, 9, 9, 4, 0, 5, 0));

    static final List<String> MEMBERS = List.of("이상경", "김상초", "김태현", "박지훈", "최수민", "정하은", "강민준", "조서연", "윤도현", "장예린");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI service;
    private final RecordedWork recordedWork;
    private final TransactionTemplate transaction;

    StudyBoardSeed(URI service, RecordedWork recordedWork, TransactionTemplate transaction) {
        this.service = service;
        this.recordedWork = recordedWork;
        this.transaction = transaction;
    }

    /** Seeds both books and the members; returns what each book's board holds. */
    Map<Book, Seeded> seed() {
        var books = List.of(BUILDING_MICROSERVICES, MICROSERVICE_STRUCTURE);
        var members = new ArrayList<UUID>();
        try (var upstream = new UpstreamEvents()) {
            for (var book : books) {
                upstream.bookRegistered(book.id(), book.title(), chapters(book));
            }
            for (var name : MEMBERS) {
                var member = UUID.randomUUID();
                upstream.memberJoined(member, name);
                members.add(member);
            }
        }
        // The replicas are built from the events asynchronously: wait until progress-service knows them all.
        for (var book : books) {
            awaitFound("/api/progress/books/" + book.id() + "/board");
        }
        for (var member : members) {
            awaitFound("/api/progress/members/" + member + "/summary");
        }
        var seeded = new LinkedHashMap<Book, Seeded>();
        for (var book : books) {
            seeded.put(book, work(book, members));
        }
        return seeded;
    }

    /** Every third section done, the others assigned, except about one in eight left free. */
    private Seeded work(Book book, List<UUID> members) {
        var items = items(book);
        var work = new ArrayList<RecordedWork.Work>();
        for (int i = 0; i < items.size(); i++) {
            if (i % 3 == 0 || i % 5 != 4) {
                work.add(new RecordedWork.Work(items.get(i), members.get(i % members.size()), i % 3 == 0));
            }
        }
        transaction.executeWithoutResult(status -> recordedWork.record(book.id(), work));
        int done = (int) work.stream().filter(RecordedWork.Work::done).count();
        return new Seeded(book, items.size(), work.size(), done);
    }

    private static List<Map<String, Object>> chapters(Book book) {
        var chapters = new ArrayList<Map<String, Object>>();
        int page = 4;
        for (int number = 1; number <= book.sectionsPerChapter().size(); number++) {
            var sections = new ArrayList<Map<String, Object>>();
            for (int n = 1; n <= book.sectionsPerChapter().get(number - 1); n++) {
                sections.add(UpstreamEvents.section(number + "." + n, "서비스 간 연계와 데이터 관리 " + n, page));
                page += 3;
            }
            chapters.add(Map.of("number", number, "title", number + "장. 마이크로서비스 아키텍처", "sections", sections));
        }
        return chapters;
    }

    private static List<String> items(Book book) {
        var items = new ArrayList<String>();
        for (int number = 1; number <= book.sectionsPerChapter().size(); number++) {
            for (int n = 1; n <= book.sectionsPerChapter().get(number - 1); n++) {
                items.add(number + "." + n);
            }
        }
        return items;
    }

    private void awaitFound(String path) {
        var request = HttpRequest.newBuilder(service.resolve(path)).build();
        await().atMost(Duration.ofMinutes(1))
                .until(() -> http.send(request, BodyHandlers.discarding()).statusCode() == 200);
    }
}
