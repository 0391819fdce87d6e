package dev.studyboard.member.web;

import dev.studyboard.member.MemberIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@MemberIntegrationTest
@DisplayName("The member API's OpenAPI document")
class ApiDocumentationTest {

    @Autowired
    RestTestClient http;

    @Test
    @DisplayName("describes every endpoint with its problem responses, and the 304 of a conditional read")
    void describesEndpointsAndErrors() {
        var members = "$.paths['/api/members']";
        var member = "$.paths['/api/members/{memberId}']";
        var rename = "$.paths['/api/members/{memberId}/display-name'].put";
        var leave = "$.paths['/api/members/{memberId}/leave'].post";
        http.get()
                .uri("/api/members/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath(members + ".post.responses['201']")
                .exists()
                .jsonPath(members + ".post.responses['200']")
                .doesNotExist()
                .jsonPath(members + ".post.responses['400']")
                .exists()
                .jsonPath(members + ".post.responses['409']")
                .exists()
                .jsonPath(members + ".get.responses['400']")
                .exists()
                .jsonPath(member + ".get.responses['404']")
                .exists()
                .jsonPath(member + ".get.responses['409']")
                .doesNotExist()
                .jsonPath(member + ".get.responses['304'].headers.ETag")
                .exists()
                .jsonPath(member + ".get.parameters[?(@.name == 'If-None-Match')].in")
                .isEqualTo(List.of("header"))
                .jsonPath(rename + ".responses['304']")
                .doesNotExist()
                .jsonPath(rename + ".responses['412'].content['application/problem+json']")
                .exists()
                .jsonPath(rename + ".responses['409']")
                .exists()
                .jsonPath(rename + ".responses['404']")
                .exists()
                .jsonPath(leave + ".responses['409']")
                .exists()
                .jsonPath(leave + ".responses['412']")
                .exists()
                .jsonPath(members + ".get.responses['401']")
                .exists()
                .jsonPath(members + ".post.responses['403']")
                .exists()
                .jsonPath(member + ".get.responses['403']")
                .doesNotExist()
                .jsonPath(rename + ".responses['403']")
                .exists()
                .jsonPath("$.paths['/api/members/me'].get.responses['404']")
                .exists()
                .jsonPath("$.paths['/api/members/me'].get.responses['403']")
                .exists()
                .jsonPath("$.components.schemas.Problem.properties.errors")
                .exists()
                .jsonPath("$.components.schemas.Problem.properties.currentVersion")
                .exists()
                .jsonPath("$.info.title")
                .isEqualTo("Study Board member API")
                .jsonPath("$.components.schemas.Problem.properties.errors.items.properties.field.example")
                .isEqualTo("displayName");
    }

    @Test
    @DisplayName("serves the Swagger UI under the API's own path")
    void servesSwaggerUi() {
        // swagger-ui.html redirects to the UI's index page; the HTTP client follows the redirect
        http.get()
                .uri("/api/members/swagger-ui.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(page -> org.assertj.core.api.Assertions.assertThat(page).contains("swagger-ui"));
    }
}
