package dev.studyboard.member.web;

import static dev.studyboard.security.Authorities.MEMBER;
import static dev.studyboard.security.Authorities.MEMBERS_WRITE;
import static dev.studyboard.security.Authorities.ORGANIZER;
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
 * Authentication and authorization (Building Microservices 9.1), checked by member-service itself (9.4 defence in
 * depth): who may call each endpoint at all. Whose member a caller may change is decided with the data, in the
 * service layer ({@code MemberService}, {@code Actor}); which fields they may see, by the response
 * ({@code MemberResponse}). Every endpoint is named; anything else is refused.
 */
@Configuration(proxyBeanMethods = false)
class MemberWebSecurity {

    private static final String MEMBERS = "/api/members";
    private static final String MEMBER_BY_ID = MEMBERS + "/{memberId}";

    @Bean
    SecurityFilterChain memberApi(HttpSecurity http, StudyBoardResourceServer resourceServer) throws Exception {
        resourceServer
                .apply(http)
                .authorizeHttpRequests(rules -> rules
                        // The API's description and its Swagger UI: public (they hold no member).
                        .requestMatchers(GET, "/api/members/v3/api-docs/**", "/api/members/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(GET, "/api/members/swagger-ui/**")
                        .permitAll()
                        // "Who am I": a study member, signed in (before the rule for /{memberId}, which would match
                        // too).
                        .requestMatchers(GET, MEMBERS + "/me")
                        .hasAuthority(MEMBER)
                        .requestMatchers(HEAD, MEMBERS + "/me")
                        .hasAuthority(MEMBER)
                        // The group: any caller with a valid token; not anonymous (names of people).
                        .requestMatchers(GET, MEMBERS, MEMBER_BY_ID)
                        .authenticated()
                        .requestMatchers(HEAD, MEMBERS, MEMBER_BY_ID)
                        .authenticated()
                        // Joining, renaming, leaving: a member (for themself: MemberService decides), the organizer or
                        // the
                        // members.write client (for anyone).
                        .requestMatchers(POST, MEMBERS)
                        .hasAnyAuthority(MEMBER, ORGANIZER, MEMBERS_WRITE)
                        .requestMatchers(PUT, MEMBER_BY_ID + "/display-name")
                        .hasAnyAuthority(MEMBER, ORGANIZER, MEMBERS_WRITE)
                        .requestMatchers(POST, MEMBER_BY_ID + "/leave")
                        .hasAnyAuthority(MEMBER, ORGANIZER, MEMBERS_WRITE)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }
}
