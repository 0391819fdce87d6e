package dev.studyboard.progress;

import static dev.studyboard.security.Authorities.IMPORTS_WRITE;
import static dev.studyboard.security.Authorities.MEMBER;
import static dev.studyboard.security.Authorities.ORGANIZER;
import static dev.studyboard.security.Authorities.PROGRESS_WRITE;
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
 * Authentication and authorization (seed 002 9.1), and defence in depth (9.4): progress-service checks every token
 * itself and states a rule for each endpoint; whatever is not listed is refused. The rules here are the coarse
 * ones (which role or scope may ask at all); whose work a member may change is the use cases' rule ({@code
 * AssignmentWork}), since only they know who writes a section up.
 */
@Configuration(proxyBeanMethods = false)
class ProgressWebSecurity {

    private static final String SECTION = "/api/progress/books/*/sections/*";

    @Bean
    SecurityFilterChain progressSecurity(HttpSecurity http, StudyBoardResourceServer resourceServer) throws Exception {
        resourceServer
                .apply(http)
                .authorizeHttpRequests(rules -> rules
                        // A study board is public: the boards, the summaries, a section's state, the OpenAPI document.
                        .requestMatchers(GET, "/api/progress/**")
                        .permitAll()
                        .requestMatchers(HEAD, "/api/progress/**")
                        .permitAll()
                        // A member takes a free section for themself.
                        .requestMatchers(POST, SECTION + "/take")
                        .hasAuthority(MEMBER)
                        // Handing a section to anyone is the organizer's (and the demo-loader's) operation.
                        .requestMatchers(PUT, SECTION + "/assignee")
                        .hasAnyAuthority(ORGANIZER, PROGRESS_WRITE)
                        // Its writer, the organizer or the demo-loader; which member is the writer, AssignmentWork
                        // checks.
                        .requestMatchers(DELETE, SECTION + "/assignee")
                        .hasAnyAuthority(MEMBER, ORGANIZER, PROGRESS_WRITE)
                        .requestMatchers(POST, SECTION + "/start", SECTION + "/complete", SECTION + "/reopen")
                        .hasAnyAuthority(MEMBER, ORGANIZER, PROGRESS_WRITE)
                        // Importing a study board creates a book and members in the other services: the organizer's
                        // operation (and the demo-loader's, which imports the notes at start).
                        .requestMatchers(POST, "/api/imports")
                        .hasAnyAuthority(ORGANIZER, IMPORTS_WRITE)
                        .requestMatchers(GET, "/api/imports/*")
                        .hasAnyAuthority(ORGANIZER, IMPORTS_WRITE)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }
}
