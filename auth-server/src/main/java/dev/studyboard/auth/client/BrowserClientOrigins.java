package dev.studyboard.auth.client;

import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Swagger UI runs in the browser on the gateway's origin and fetches its token from here with JavaScript, so the
 * protocol endpoints answer cross-origin requests from the origins of the registered redirect URIs, and from no
 * other. No cookies go along: the token request carries the code and its verifier, nothing a browser adds on its own.
 */
@Configuration(proxyBeanMethods = false)
class BrowserClientOrigins {

    @Bean
    CorsConfigurationSource corsConfigurationSource(ClientProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins(properties));
        cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name()));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        cors.setAllowCredentials(false);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", cors);
        source.registerCorsConfiguration("/oauth2/revoke", cors);
        source.registerCorsConfiguration("/oauth2/jwks", cors);
        source.registerCorsConfiguration("/userinfo", cors);
        source.registerCorsConfiguration("/.well-known/**", cors);
        return source;
    }

    static List<String> origins(ClientProperties properties) {
        return properties.clients().values().stream()
                .flatMap(client -> client.redirectUris().stream())
                .map(URI::create)
                .filter(uri -> uri.getScheme() != null && uri.getHost() != null)
                .map(uri -> uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()))
                .distinct()
                .sorted()
                .toList();
    }
}
