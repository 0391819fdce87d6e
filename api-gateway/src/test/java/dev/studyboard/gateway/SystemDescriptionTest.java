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
    @DisplayName("shows each service's instances as discovery lists them")
    void instancesFromDiscovery() {
        var services = services();

        assertThat(named(services, "catalog-service").get("instances").findValuesAsString("uri"))
                .containsExactlyInAnyOrder("http://10.0.0.11:8081", "http://10.0.0.12:8081");
        assertThat(named(services, "member-service").get("instances").findValuesAsString("uri"))
                .containsExactly("http://10.0.0.21:8082");
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

        assertThat(named(services, "progress-service").get("instances")).isEmpty();
        assertThat(named(services, "reporting-service").get("owner").isNull()).isTrue();
        assertThat(named(services, "reporting-service").get("instances")).hasSize(1);
    }

    @Test
    @DisplayName("shows nothing beyond that: no instance metadata, no actuator, no address discovery did not list")
    void nothingMore() {
        var body = http.get()
                .uri("/api/system/services")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body).doesNotContain("actuator", "metadata", "management", "9081");
        var addresses = Pattern.compile("https?://[^\"]+")
                .matcher(body)
                .results()
                .map(match -> match.group())
                .toList();
        assertThat(addresses)
                .containsExactlyInAnyOrder(
                        "http://10.0.0.11:8081",
                        "http://10.0.0.12:8081",
                        "http://10.0.0.21:8082",
                        "http://10.0.0.41:8084");
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
