package dev.studyboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The system describes itself: discovery (a fixed list here, as on Kubernetes) says what runs where, configuration
 * says who owns it and where its API document is.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "spring.cloud.discovery.client.simple.instances.catalog-service[0].uri=http://10.0.0.11:8081",
            "spring.cloud.discovery.client.simple.instances.catalog-service[0].metadata.management.port=9081",
            "spring.cloud.discovery.client.simple.instances.catalog-service[1].uri=http://10.0.0.12:8081",
            "spring.cloud.discovery.client.simple.instances.member-service[0].uri=http://10.0.0.21:8082",
            // running, found by discovery, but nobody wrote down who owns it
            "spring.cloud.discovery.client.simple.instances.reporting-service[0].uri=http://10.0.0.41:8084"
        })
@AutoConfigureWebTestClient
@DisplayName("The self-describing system")
class SystemDescriptionTest {

    @Autowired
    WebTestClient http;

    private JsonNode services() {
        return http.get()
                .uri("/api/system/services")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private static JsonNode named(JsonNode services, String name) {
        for (var service : services) {
            if (service.get("name").asString().equals(name)) {
                return service;
            }
        }
        throw new AssertionError("no service " + name + " in " + services);
    }

    @Test
    @DisplayName("lists every service discovery knows or configuration names, in name order")
    void everyService() {
        assertThat(services().findValuesAsString("name"))
                .containsExactly(
                        "api-gateway", "catalog-service", "member-service", "progress-service", "reporting-service");
    }

    @Test
    @DisplayName("shows how many instances of each service discovery lists, and not their internal addresses")
    void instancesFromDiscovery() {
        var services = services();

        assertThat(named(services, "catalog-service").get("instances").asInt()).isEqualTo(2);
        assertThat(named(services, "member-service").get("instances").asInt()).isEqualTo(1);
        assertThat(services.toString()).doesNotContain("10.0.0.", "8081");
    }

    @Test
    @DisplayName("shows owner, purpose and API document from configuration, the document reachable through the gateway")
    void ownersAndApiDocuments() {
        var catalog = named(services(), "catalog-service");

        assertThat(catalog.get("owner").asString()).isEqualTo("catalog team");
        assertThat(catalog.get("purpose").asString()).contains("books");
        assertThat(catalog.get("apiDocs").asString()).isEqualTo("/api/catalog/v3/api-docs");
    }

    @Test
    @DisplayName("makes the gaps visible: a configured service with no instance, a running one with no owner")
    void gaps() {
        var services = services();

        assertThat(named(services, "progress-service").get("instances").asInt()).isZero();
        assertThat(named(services, "reporting-service").get("owner").isNull()).isTrue();
        assertThat(named(services, "reporting-service").get("instances").asInt())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("shows nothing beyond that: no address, no instance metadata, no actuator")
    void nothingMore() {
        var body = http.get()
                .uri("/api/system/services")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body).contains("catalog-service").doesNotContain("actuator", "metadata", "management", "9081");
        assertThat(Pattern.compile("https?://").matcher(body).find())
                .as("an address in %s", body)
                .isFalse();
    }

    @Test
    @DisplayName("has a page for people, served by the gateway and loading nothing from elsewhere")
    void page() {
        var page = http.get()
                .uri("/system.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page).contains("fetch('/api/system/services')");
        assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }
}
