package dev.studyboard.security;

import dev.studyboard.observability.AuditLogFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Defence in depth (Building Microservices 9.4): every service checks the caller's token itself, as if the
 * gateway were not there. A request with no token, or with a forged, expired or foreign one, is refused here too;
 * no header the gateway sets is trusted.
 *
 * <p>What every service shares: JWTs only (no session, no cookies, so no CSRF), the token's roles and scopes as
 * authorities, 401/403 as problem details, the caller in the audit log. Each service then states its own rules
 * and ends them with {@code anyRequest().denyAll()}:
 *
 * <pre>{@code
 * resourceServer.apply(http).authorizeHttpRequests(rules -> rules
 *         .requestMatchers(GET, "/api/catalog/**").permitAll()
 *         .requestMatchers("/api/catalog/**").hasAnyAuthority(ORGANIZER, CATALOG_WRITE)
 *         .anyRequest().denyAll());
 * return http.build();
 * }</pre>
 */
public class StudyBoardResourceServer {

    private final TokenAuthorities tokenAuthorities;
    private final SecurityProblems problems;

    public StudyBoardResourceServer(TokenAuthorities tokenAuthorities, SecurityProblems problems) {
        this.tokenAuthorities = tokenAuthorities;
        this.problems = problems;
    }

    public HttpSecurity apply(HttpSecurity http) throws Exception {
        return http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens, never cookies: nothing a browser sends on its own
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(tokenAuthorities))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(new AuditedCaller(), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        // The actuator is served on its own management port, which only the network reaches
                        // (probes, Prometheus); it never goes through the gateway.
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .permitAll()
                        // Spring's error rendering of a request already decided above.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll());
    }

    /** Hands the verified caller to the audit log, which runs outside the security filters. */
    static class AuditedCaller extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Caller.current()
                    .ifPresent(caller -> request.setAttribute(
                            AuditLogFilter.CALLER,
                            new AuditLogFilter.Caller(
                                    caller.subject(), caller.name().orElse(null), caller.clientId())));
            chain.doFilter(request, response);
        }
    }
}
