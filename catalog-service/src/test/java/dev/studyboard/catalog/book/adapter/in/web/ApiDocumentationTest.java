package dev.studyboard.catalog.book.adapter.in.web;

import dev.studyboard.catalog.CatalogIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@CatalogIntegrationTest
@DisplayName("The catalog's OpenAPI document")
class ApiDocumentationTest {

    @Autowired
    RestTestClient http;

    @Test
    @DisplayName("describes every endpoint with its problem responses, and the 304 of a conditional read")
    void describesEndpointsAndErrors() {
        var paths = "$.paths['/api/catalog/books/{bookId}/chapters/{number}']";
        http.get()
                .uri("/api/catalog/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/catalog/books'].post.responses['201']")
                .exists()
                .jsonPath("$.paths['/api/catalog/books'].post.responses['200']")
                .doesNotExist()
                .jsonPath("$.paths['/api/catalog/books'].post.responses['400']")
                .exists()
                .jsonPath("$.paths['/api/catalog/books'].get.responses['400']")
                .exists()
                .jsonPath("$.paths['/api/catalog/books/{bookId}'].get.responses['404']")
                .exists()
                .jsonPath("$.paths['/api/catalog/books/{bookId}'].get.responses['304'].headers.ETag")
                .exists()
                .jsonPath("$.paths['/api/catalog/books/{bookId}'].get.parameters[?(@.name == 'If-None-Match')].in")
                .isEqualTo(List.of("header"))
                .jsonPath("$.paths['/api/catalog/books/{bookId}'].delete.responses['304']")
                .doesNotExist()
                .jsonPath(paths + ".put.responses['412'].content['application/problem+json']")
                .exists()
                .jsonPath(paths + ".put.responses['409']")
                .exists()
                .jsonPath(paths + ".delete")
                .exists()
                .jsonPath(paths + ".delete.responses['403']")
                .exists()
                .jsonPath("$.paths['/api/catalog/books'].post.responses['401']")
                .exists()
                .jsonPath("$.paths['/api/catalog/books'].get.responses['401']")
                .doesNotExist()
                .jsonPath("$.paths['/api/catalog/books/{bookId}/chapters/{number}/sections/{item}'].put")
                .exists()
                .jsonPath("$.paths['/api/catalog/books'].post.responses['409']")
                .doesNotExist()
                .jsonPath("$.info.title")
                .isEqualTo("Study Board catalog API")
                .jsonPath("$.components.schemas.Problem.properties.errors.items.properties.field.example")
                .isEqualTo("chapters[0].sections[1].item");
    }
}
