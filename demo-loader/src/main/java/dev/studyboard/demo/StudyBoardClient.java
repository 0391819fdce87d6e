package dev.studyboard.demo;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The public REST API of the three services, as the loader uses it (through the gateway, or directly). */
class StudyBoardClient {

    private final RestClient catalog;
    private final RestClient members;
    private final RestClient progress;

    StudyBoardClient(RestClient.Builder http, URI catalogUrl, URI memberUrl, URI progressUrl) {
        this.catalog = http.clone().baseUrl(catalogUrl.toString()).build();
        this.members = http.clone().baseUrl(memberUrl.toString()).build();
        this.progress = http.clone().baseUrl(progressUrl.toString()).build();
    }

    /** Display name → member id, of the active members (someone who left is not given new work). */
    Map<String, UUID> memberIds() {
        var ids = new HashMap<String, UUID>();
        for (int page = 0; ; page++) {
            var body = members.get()
                    .uri("/api/members?status=active&size=100&page={page}", page)
                    .retrieve()
                    .body(JsonNode.class);
            body.get("members")
                    .forEach(m -> ids.putIfAbsent(
                            m.get("displayName").asString(),
                            UUID.fromString(m.get("id").asString())));
            if (page + 1 >= body.at("/page/totalPages").asInt()) {
                return ids;
            }
        }
    }

    /** @param account the member's account on the auth-server, or {@code null} for a member nobody signs in as */
    UUID addMember(String displayName, String account) {
        var member = new HashMap<String, Object>();
        member.put("displayName", displayName);
        if (account != null) {
            member.put("account", account);
        }
        var created = members.post()
                .uri("/api/members")
                .contentType(MediaType.APPLICATION_JSON)
                .body(member)
                .retrieve()
                .body(JsonNode.class);
        return UUID.fromString(created.get("id").asString());
    }

    Optional<UUID> bookIdByTitle(String title) {
        for (int page = 0; ; page++) {
            var body = catalog.get()
                    .uri("/api/catalog/books?size=100&page={page}", page)
                    .retrieve()
                    .body(JsonNode.class);
            for (var book : body.get("books")) {
                if (title.equals(book.get("title").asString())) {
                    return Optional.of(UUID.fromString(book.get("id").asString()));
                }
            }
            if (page + 1 >= body.at("/page/totalPages").asInt()) {
                return Optional.empty();
            }
        }
    }

    UUID registerBook(StudyNotes notes, String author) {
        var chapters = new ArrayList<Map<String, Object>>();
        for (var chapter : notes.chapters()) {
            var sections = new ArrayList<Map<String, Object>>();
            for (var row : chapter.rows()) {
                var section = new HashMap<String, Object>();
                section.put("item", row.item());
                section.put("title", row.title());
                section.put("page", row.page());
                sections.add(section);
            }
            chapters.add(Map.of("number", chapter.number(), "title", chapter.title(), "sections", sections));
        }
        var created = catalog.post()
                .uri("/api/catalog/books")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "title", notes.title(), "authors", List.of(author), "language", "ko", "chapters", chapters))
                .retrieve()
                .body(JsonNode.class);
        return UUID.fromString(created.get("id").asString());
    }

    /** Whether progress-service's replicas already know the book and the member (events arrive a moment later). */
    boolean progressKnows(UUID bookId, UUID memberId) {
        return exists(progress, "/api/progress/books/" + bookId + "/board")
                && (memberId == null || exists(progress, "/api/progress/members/" + memberId + "/summary"));
    }

    JsonNode assignment(UUID bookId, String item) {
        return progress.get()
                .uri("/api/progress/books/{book}/sections/{item}", bookId, item)
                .retrieve()
                .body(JsonNode.class);
    }

    void assign(UUID bookId, String item, UUID memberId) {
        progress.put()
                .uri("/api/progress/books/{book}/sections/{item}/assignee", bookId, item)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("memberId", memberId))
                .retrieve()
                .toBodilessEntity();
    }

    void step(UUID bookId, String item, String step) {
        progress.post()
                .uri("/api/progress/books/{book}/sections/{item}/{step}", bookId, item, step)
                .retrieve()
                .toBodilessEntity();
    }

    String board(UUID bookId, String format) {
        return progress.get()
                .uri("/api/progress/books/{book}/board?format={format}", bookId, format)
                .retrieve()
                .body(String.class);
    }

    private static boolean exists(RestClient client, String path) {
        try {
            client.get().uri(path).retrieve().toBodilessEntity();
            return true;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
