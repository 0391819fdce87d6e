package dev.studyboard.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.client.RestClient;

/**
 * One-shot loader of the demo data: the two study notes shipped in {@code seeds/}, loaded through the public
 * API (by default through the gateway). Run by docker compose after the system is healthy; exits when done.
 */
@SpringBootApplication
public class DemoLoaderApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(DemoLoaderApplication.class, args)));
    }

    @Bean
    DemoLoader demoLoader(
            RestClient.Builder http,
            @Value("${studyboard.demo.catalog-url:${studyboard.demo.base-url:http://localhost:8080}}") URI catalogUrl,
            @Value("${studyboard.demo.member-url:${studyboard.demo.base-url:http://localhost:8080}}") URI memberUrl,
            @Value("${studyboard.demo.progress-url:${studyboard.demo.base-url:http://localhost:8080}}") URI progressUrl,
            @Value("${studyboard.demo.reader-name:독자}") String readerName,
            @Value("${studyboard.demo.replication-timeout:60s}") Duration timeout) {
        return DemoLoader.connectedTo(http, catalogUrl, memberUrl, progressUrl, readerName, timeout);
    }

    @Bean
    ApplicationRunner loadSeeds(DemoLoader loader) {
        return args -> {
            for (var seed : new PathMatchingResourcePatternResolver().getResources("classpath:seeds/*.md")) {
                loader.load(NotesParser.parse(read(seed)));
            }
        };
    }

    private static String read(org.springframework.core.io.Resource seed) throws IOException {
        try (var in = seed.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
