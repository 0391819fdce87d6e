package dev.studyboard.gateway;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gateway offloading (edge security): the gateway is an OAuth2 resource server. It checks every bearer token it
 * is given (signature against the auth-server's keys, issuer, audience, expiry: spring.security.oauth2.
 * resourceserver.jwt in application.yml) and answers 401 problem details before anything is routed, even on a
 * public read, so a forged token never reaches a service. Its rules are coarse (who may come in at all); what a
 * caller may do is decided by the service that owns the data, which checks the same token again (defence in
 * depth). The token itself goes on to the services unchanged (token relay).
 *
 * <p>A 401 is answered before any rate limit per principal; an address that keeps sending refused tokens is
 * stopped before this chain instead ({@link FailedAuthenticationLimit}).
 *
 * <p>Bearer tokens only: no session, no cookies, so no CSRF to defend against. The browser's session (the board's
 * pages, {@link BrowserSecurity}) has a chain of its own, before this one; its cookie authorizes nothing here.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    /**
     * Readable by anyone: the catalogue, the boards, the system's description (GET and HEAD). Not the reports under
     * {@link #SIGNED_IN_READS}, which come first.
     */
    static final String[] PUBLIC_READS = {
        "/api/catalog/**", "/api/progress/**", "/api/system/**", "/api/members/v3/api-docs/**"
    };
    /** Under a public read but not public: the weekly report is the organizer's (progress-service decides that). */
    static final String[] SIGNED_IN_READS = {"/api/progress/reports/**"};
    /** The gateway's own pages: Swagger UI with the API documents, and the system page. */
    static final String[] DOCS_AND_PAGES = {
        "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/system.html"
    };

    @Bean
    @Order(2) // after the browser's chain: every path that one does not take
    SecurityWebFilterChain edgeRules(
            ServerHttpSecurity http, JsonMapper json, FailedAuthenticationLimit failedAuthentications) {
        var problems = new SecurityProblems(json, failedAuthentications);
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // A proxy: how long an answer may be cached is the service's to say, not overwritten here.
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(rules -> rules
                        // The management port (health, prometheus, gateway): reached only inside the network
                        // (probes, Prometheus), never published or routed; the network protects it, not a token.
                        .matchers(EndpointRequest.toAnyEndpoint())
                        .permitAll()
                        // On the public port nothing serves the actuator: 404 for anyone, token or not.
                        .pathMatchers("/actuator", "/actuator/**")
                        .permitAll()
                        // Before the public reads it falls under: the reports need someone signed in.
                        .pathMatchers(SIGNED_IN_READS)
                        .authenticated()
                        .pathMatchers(GET, PUBLIC_READS)
                        .permitAll()
                        .pathMatchers(HEAD, PUBLIC_READS)
                        .permitAll()
                        .pathMatchers(GET, DOCS_AND_PAGES)
                        .permitAll()
                        .pathMatchers(HEAD, DOCS_AND_PAGES)
                        .permitAll()
                        // The dashboard and every write: someone signed in; the service decides the rest.
                        .pathMatchers("/api/**")
                        .authenticated()
                        // Reached only by the circuit breakers' forward, which does not pass these filters again.
                        .pathMatchers("/fallback/**")
                        .denyAll()
                        .anyExchange()
                        .denyAll())
                .build();
    }
}
