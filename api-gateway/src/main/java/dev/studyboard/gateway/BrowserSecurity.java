package dev.studyboard.gateway;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;

import java.net.URI;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backend for frontend: the board's pages, which progress-service renders, reach a browser through the gateway, and
 * the gateway signs people in for them. It is the OpenID Connect client ({@link BrowserSignIn}: authorization code
 * with PKCE, a confidential client) and keeps each person's tokens in their session on the server; the browser
 * holds only the session cookie (HttpOnly), so no token ever reaches JavaScript. The page routes pass the session's
 * access token on to progress-service (TokenRelay, application.yml), which checks it as it checks any token.
 *
 * <p>A chain of its own, before the API's ({@link GatewaySecurity}), for exactly the browser's paths: the pages and
 * what they load, and the gateway's sign-in ({@code /oauth2/authorization/study-board}, the callback under {@code
 * /login/oauth2/code/}) and sign-out ({@code POST /logout}). Anyone may read a page (progress-service decides what a
 * visitor sees), except the imports; a change needs a signed-in session. The session cookie authorizes nothing else:
 * {@code /api/**} stays bearer tokens only.
 *
 * <p>A browser sends the session cookie whichever site made the page that sends the request, so every change also
 * needs the CSRF token: the page's script copies the {@code XSRF-TOKEN} cookie into the {@code X-XSRF-TOKEN} header,
 * which another site can neither read nor set (Spring Security's setup for JavaScript clients, with the plain token).
 */
@Configuration(proxyBeanMethods = false)
class BrowserSecurity {

    /** The board's pages and what they load, served by progress-service (the page routes in application.yml). */
    static final String[] PAGES = {
        "/", "/books/**", "/summary", "/imports/**", "/assets/**", "/webjars/htmx.org/**", "/webjars/htmx-ext-sse/**"
    };
    /** The gateway's own: where a sign-in starts, where the auth-server sends the code back, and the sign-out. */
    static final String[] SIGN_IN_AND_OUT = {"/oauth2/**", "/login/**", "/logout"};

    @Bean
    @Order(1) // before the API's chain, which takes every other path
    SecurityWebFilterChain browserRules(
            ServerHttpSecurity http,
            ReactiveClientRegistrationRepository registrations,
            JsonMapper json,
            @Value("${studyboard.gateway.public-url}") String publicUrl,
            @Value("${server.reactive.session.cookie.secure}") boolean secureCookies) {
        var problems = new BrowserProblems(json);
        var redirects = new HtmxRedirects();
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(
                        Stream.concat(Stream.of(PAGES), Stream.of(SIGN_IN_AND_OUT))
                                .toArray(String[]::new)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // A proxy: how long a page may be cached is progress-service's to say, as on the API.
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .oauth2Login(
                        login -> login.authorizationRedirectStrategy(redirects).authenticationFailureHandler(problems))
                .logout(logout -> logout
                        // The session goes, and the tokens in it (the security context alone is Spring's default).
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(signOutAtTheAuthServer(registrations, redirects, publicUrl)))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie(secureCookies))
                        // The plain token, as the script reads it from the cookie (no BREACH masking to undo).
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler(problems))
                .addFilterAfter(BrowserSecurity::issueCsrfToken, SecurityWebFiltersOrder.CSRF)
                .addFilterAt(BrowserSecurity::commitInTheChain, SecurityWebFiltersOrder.FIRST)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(signInFirst(problems, redirects)))
                .authorizeExchange(rules -> rules
                        // Importing is the organizer's (progress-service decides): without a session, sign in first.
                        .pathMatchers("/imports/**")
                        .authenticated()
                        .pathMatchers(GET, PAGES)
                        .permitAll()
                        .pathMatchers(HEAD, PAGES)
                        .permitAll()
                        .pathMatchers(SIGN_IN_AND_OUT)
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .build();
    }

    /** The CSRF token in a cookie the page's script can read, on the same terms as the session cookie. */
    private static CookieServerCsrfTokenRepository csrfCookie(boolean secure) {
        var repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.secure(secure).sameSite("Lax"));
        return repository;
    }

    /**
     * The CSRF token is made (and its cookie written) only when something asks for it, and nothing on the gateway
     * renders a page: so every browser request asks, and the page's script always finds the cookie.
     */
    private static Mono<Void> issueCsrfToken(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return (token != null ? token.then() : Mono.<Void>empty()).then(chain.filter(exchange));
    }

    /**
     * Commits the answer while its errors still reach {@link ProblemErrors}: a new session is saved as the answer is
     * committed, which Spring would otherwise do after every handler, where a full session store becomes a bare 500.
     */
    private static Mono<Void> commitInTheChain(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).then(Mono.defer(exchange.getResponse()::setComplete));
    }

    /**
     * A request that needs a session and has none (never signed in, or the session expired while the page stayed
     * open): sent to sign in, htmx with HX-Redirect ({@link HtmxRedirects}), so a button on a stale page does not
     * fail unseen. Another script gets 401 problem details.
     */
    private static ServerAuthenticationEntryPoint signInFirst(BrowserProblems problems, HtmxRedirects redirects) {
        var signIn = new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + BrowserSignIn.REGISTRATION);
        signIn.setRedirectStrategy(redirects);
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(BrowserSecurity::fromOtherScript, problems));
        entryPoint.setDefaultEntryPoint(signIn);
        return entryPoint;
    }

    private static Mono<MatchResult> fromOtherScript(ServerWebExchange exchange) {
        boolean script = !HtmxRedirects.isHtmx(exchange)
                && "XMLHttpRequest".equals(exchange.getRequest().getHeaders().getFirst("X-Requested-With"));
        return script ? MatchResult.match() : MatchResult.notMatch();
    }

    /**
     * After the session is gone here, the browser goes to the auth-server's end-session endpoint (OpenID Connect
     * RP-initiated logout) with the ID token as the hint, so the login session there ends too, and comes back to the
     * board. An htmx sign-out is told so with HX-Redirect ({@link HtmxRedirects}).
     */
    private static OidcClientInitiatedServerLogoutSuccessHandler signOutAtTheAuthServer(
            ReactiveClientRegistrationRepository registrations, HtmxRedirects redirects, String publicUrl) {
        var handler = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri(publicUrl + "/");
        handler.setLogoutSuccessUrl(URI.create("/")); // no one was signed in: back to the board
        handler.setRedirectStrategy(redirects);
        return handler;
    }
}
