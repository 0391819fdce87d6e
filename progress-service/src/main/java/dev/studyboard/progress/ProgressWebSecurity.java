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

import dev.studyboard.security.SecurityProblems;
import dev.studyboard.security.StudyBoardResourceServer;
import jakarta.servlet.DispatcherType;
import java.util.LinkedHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Authentication and authorization (seed 002 9.1), and defence in depth (9.4): progress-service checks every token
 * itself and states a rule for each endpoint; whatever is not listed is refused. The rules here are the coarse
 * ones (which role or scope may ask at all); whose work a member may change is the use cases' rule ({@code
 * AssignmentWork}), since only they know who writes a section up.
 */
@Configuration(proxyBeanMethods = false)
class ProgressWebSecurity {

    private static final String SECTION = "/api/progress/books/*/sections/*";

    private static final String FORBIDDEN = "/forbidden";

    @Bean
    SecurityFilterChain progressSecurity(
            HttpSecurity http, StudyBoardResourceServer resourceServer, SecurityProblems problems) throws Exception {
        resourceServer
                .apply(http)
                .exceptionHandling(handling -> handling.accessDeniedHandler(refusals(problems)))
                .authorizeHttpRequests(rules -> rules
                        // The weekly report names every member's pace: the organizer's alone, whatever the method
                        // (before the public reads below, which would let it through).
                        .requestMatchers("/api/progress/reports/**")
                        .hasAuthority(ORGANIZER)
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
                        // The study board in a browser, through the gateway that relays the signed-in person's token:
                        // the pages, their assets and the live board are anyone's, like the boards of the API.
                        .requestMatchers(GET, "/", "/books/*", "/books/*/live", "/summary", "/assets/**", "/webjars/**")
                        .permitAll()
                        // A row's button is a person's (a member or the organizer); whose section, AssignmentWork
                        // checks, as for the API.
                        .requestMatchers(POST, "/books/*/sections/*/*")
                        .hasAnyAuthority(MEMBER, ORGANIZER)
                        // Importing a study board from a page is the organizer's, like POST /api/imports.
                        .requestMatchers("/imports/**")
                        .hasAuthority(ORGANIZER)
                        // The page a refused page request is forwarded to (see refusals below), by that forward only.
                        .requestMatchers(new AndRequestMatcher(
                                new DispatcherTypeRequestMatcher(DispatcherType.FORWARD),
                                PathPatternRequestMatcher.withDefaults().matcher(FORBIDDEN)))
                        .permitAll()
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    /** A refused page is answered with a page (403 in the site's layout), the API with problem details. */
    private static AccessDeniedHandler refusals(SecurityProblems problems) {
        var page = new AccessDeniedHandlerImpl();
        page.setErrorPage(FORBIDDEN);
        var handlers = new LinkedHashMap<RequestMatcher, AccessDeniedHandler>();
        handlers.put(
                new NegatedRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")),
                page);
        return new RequestMatcherDelegatingAccessDeniedHandler(handlers, problems);
    }
}
