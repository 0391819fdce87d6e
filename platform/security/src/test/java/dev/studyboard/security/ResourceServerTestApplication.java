package dev.studyboard.security;

import static org.springframework.http.HttpMethod.GET;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service the way the Study Board services use this module: public reads, rules per endpoint, deny the rest. */
@SpringBootApplication
class ResourceServerTestApplication {

    @Bean
    SecurityFilterChain api(HttpSecurity http, StudyBoardResourceServer resourceServer) throws Exception {
        resourceServer
                .apply(http)
                .authorizeHttpRequests(rules -> rules.requestMatchers(GET, "/api/notes")
                        .permitAll()
                        .requestMatchers(GET, "/api/me")
                        .authenticated()
                        .requestMatchers("/api/notes")
                        .hasAnyAuthority(Authorities.ORGANIZER, Authorities.CATALOG_WRITE)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    @RestController
    static class Notes {

        @GetMapping("/api/notes")
        Map<String, String> read() {
            return Map.of("notes", "public");
        }

        @PostMapping("/api/notes")
        Map<String, String> write() {
            return Map.of("written", "yes");
        }

        @GetMapping("/api/me")
        Caller me() {
            return Caller.current().orElseThrow();
        }
    }
}
