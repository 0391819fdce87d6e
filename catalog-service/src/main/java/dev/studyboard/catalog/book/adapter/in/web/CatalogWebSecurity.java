package dev.studyboard.catalog.book.adapter.in.web;

import static dev.studyboard.security.Authorities.CATALOG_WRITE;
import static dev.studyboard.security.Authorities.ORGANIZER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.studyboard.security.StudyBoardResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Authentication and authorization (Building Microservices 9.1), decided by the service that owns the books, not
 * only at the gateway (9.4 defence in depth): anyone may read the catalog; only the organizer or a client granted
 * {@code catalog.write} (the demo-loader) may change it. Every endpoint is named; anything else is refused.
 */
@Configuration(proxyBeanMethods = false)
class CatalogWebSecurity {

    private static final String BOOKS = "/api/catalog/books";
    private static final String BOOK = BOOKS + "/{bookId}";
    private static final String CHAPTERS = BOOK + "/chapters";
    private static final String CHAPTER = CHAPTERS + "/{number}";
    private static final String SECTIONS = CHAPTER + "/sections";
    private static final String SECTION = SECTIONS + "/{item}";

    @Bean
    SecurityFilterChain catalogApi(HttpSecurity http, StudyBoardResourceServer resourceServer) throws Exception {
        resourceServer
                .apply(http)
                .authorizeHttpRequests(rules -> rules
                        // The API's description and its Swagger UI: public, like the catalog itself.
                        .requestMatchers(GET, "/api/catalog/v3/api-docs/**", "/api/catalog/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(GET, "/api/catalog/swagger-ui/**")
                        .permitAll()
                        // Reading: anyone, signed in or not (HEAD is GET without the body).
                        .requestMatchers(GET, BOOKS, BOOK, CHAPTER, SECTION)
                        .permitAll()
                        .requestMatchers(HEAD, BOOKS, BOOK, CHAPTER, SECTION)
                        .permitAll()
                        // Changing: the organizer, or a machine client with the catalog.write scope.
                        .requestMatchers(POST, BOOKS, CHAPTERS, SECTIONS)
                        .hasAnyAuthority(ORGANIZER, CATALOG_WRITE)
                        .requestMatchers(PUT, CHAPTER, SECTION)
                        .hasAnyAuthority(ORGANIZER, CATALOG_WRITE)
                        .requestMatchers(DELETE, BOOK, CHAPTER, SECTION)
                        .hasAnyAuthority(ORGANIZER, CATALOG_WRITE)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }
}
