package dev.studyboard.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.client.RestClient;

/**
 * One-shot loader of the demo data: the two study notes shipped in {@code seeds/}, one import each through the
 * public API (by default through the gateway), as the machine client {@code demo-loader}. Run by docker compose
 * after the system is healthy; exits when done, with a non-zero code if an import failed.
 */
@SpringBootApplication
@EnableConfigurationProperties(DemoLoaderProperties.class)
public class DemoLoaderApplication {

    /** The client registration (spring.security.oauth2.client.registration.demo-loader) the loader's token is of. */
    static final String CLIENT = "demo-loader";

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(DemoLoaderApplication.class, args)));
    }

    /** {@code registrations} and {@code tokens}: Spring Boot's, from {@code spring.security.oauth2.client.*}. */
    @Bean
    DemoLoader demoLoader(
            RestClient.Builder http,
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService tokens,
            DemoLoaderProperties demo) {
        return DemoLoader.connectedTo(
                http.requestInterceptor(ClientCredentials.bearerToken(registrations, tokens, CLIENT)),
                demo.baseUrl(),
                demo.readerName(),
                demo.accounts(),
                demo.timeout());
    }

    @Bean
    ApplicationRunner loadSeeds(DemoLoader loader) {
        return args -> {
            for (var seed : new PathMatchingResourcePatternResolver().getResources("classpath:seeds/*.md")) {
                loader.load(read(seed)); // the notes as the group wrote them: progress-service reads them
            }
        };
    }

    private static String read(org.springframework.core.io.Resource seed) throws IOException {
        try (var in = seed.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
