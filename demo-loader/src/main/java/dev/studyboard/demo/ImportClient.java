package dev.studyboard.demo;

import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The import API (progress-service's, through the gateway or directly), as the loader uses it. */
class ImportClient {

    /** The body of {@code POST /api/imports}: the notes as written, and what they do not say themselves. */
    record ImportRequest(String notes, Map<String, String> accounts, String reader) {}

    private final URI baseUrl;
    private final RestClient api;

    ImportClient(RestClient.Builder http, URI baseUrl) {
        this.baseUrl = baseUrl;
        this.api = http.clone().baseUrl(baseUrl.toString()).build();
    }

    /** @return where to follow the import: the answer's {@code Location} */
    URI start(String idempotencyKey, ImportRequest request) {
        var accepted = api.post()
                .uri("/api/imports")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .toBodilessEntity();
        var location = accepted.getHeaders().getLocation();
        if (location == null) {
            throw new IllegalStateException("The import was accepted without a Location to follow it at");
        }
        return baseUrl.resolve(location);
    }

    Import get(URI location) {
        return api.get().uri(location).retrieve().body(Import.class);
    }
}
