package dev.studyboard.auth;

import static org.springframework.security.config.Customizer.withDefaults;

import dev.studyboard.auth.client.PublicClientAuthenticationProvider;
import dev.studyboard.auth.client.PublicClientRequestConverter;
import jakarta.servlet.DispatcherType;
import java.util.Set;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Two filter chains, as Spring Authorization Server's reference sets them up: first the protocol endpoints (OAuth 2.1
 * and OpenID Connect: authorize, token, JWKS, discovery, device flow, userinfo), then a form login for the people who
 * sign in on their way to a code.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {

    /** Where the CLI's device flow sends a person to type the code it shows (see {@code DeviceActivationPage}). */
    static final String ACTIVATE = "/activate";

    static final String ACTIVATED = "/activated";

    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(
            HttpSecurity http, RegisteredClientRepository clients, AuthorizationServerSettings settings)
            throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        var deviceAuthorization = PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, settings.getDeviceAuthorizationEndpoint());
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(
                        authorizationServer,
                        server -> server.oidc(withDefaults())
                                .clientAuthentication(clientAuthentication -> clientAuthentication
                                        .authenticationConverter(new PublicClientRequestConverter(deviceAuthorization))
                                        .authenticationProvider(new PublicClientAuthenticationProvider(clients)))
                                // At the issuer's address, the one a person's browser reaches, whoever asked.
                                .deviceAuthorizationEndpoint(
                                        device -> device.verificationUri(publicAddress(settings) + ACTIVATE))
                                .deviceVerificationEndpoint(
                                        verification -> verification.deviceVerificationResponseHandler(
                                                new SimpleUrlAuthenticationSuccessHandler(ACTIVATED))))
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                // Swagger UI fetches its token from the gateway's origin (corsConfigurationSource).
                .cors(withDefaults())
                // The OpenID Connect userinfo endpoint takes the access token it answers about.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()))
                // A browser that is not signed in goes to the login page; an API client gets 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browser()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules
                        // Served on the management port only, which the network reaches (probes, Prometheus).
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .permitAll()
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/error", "/favicon.ico")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // Spring Security's own login page (with its CSRF token), and /logout.
                .formLogin(withDefaults());
        return http.build();
    }

    /** bcrypt today, and any older or newer encoding recognised by its {@code {id}} prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static String publicAddress(AuthorizationServerSettings settings) {
        return settings.getIssuer() != null ? settings.getIssuer() : "";
    }

    private static MediaTypeRequestMatcher browser() {
        var html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }
}
