package dev.studyboard.gateway;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's OpenAPI document, with how to sign in: Swagger UI's "Authorize" runs the authorization code flow
 * with PKCE against the auth-server as the public client {@code swagger-ui} (springdoc.swagger-ui.oauth in
 * application.yml), so a person tries the API with their own token and roles. The addresses are the ones a
 * browser reaches ({@code studyboard.auth.public-url}), not the containers' internal one.
 */
@Configuration(proxyBeanMethods = false)
class GatewayApiDocumentation {

    /**
     * The scheme's name, as an operation that needs a token names it ({@code @SecurityRequirement}): the services'
     * own (platform/security's {@code ApiSecurityDocumentation.SCHEME}), so Swagger UI shows one scheme throughout.
     */
    static final String SCHEME = "study-board";

    @Bean
    OpenAPI gatewayApi(@Value("${studyboard.auth.public-url}") String authServer) {
        var flow = new OAuthFlow()
                .authorizationUrl(authServer + "/oauth2/authorize")
                .tokenUrl(authServer + "/oauth2/token")
                .scopes(new Scopes()
                        .addString("openid", "who you are (OpenID Connect)")
                        .addString("profile", "your name")
                        .addString("email", "your e-mail address"));
        var signIn = new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Sign in at the Study Board auth-server: authorization code with PKCE. What you may do"
                        + " comes from your roles (member, organizer), checked by each service.")
                .flows(new OAuthFlows().authorizationCode(flow));
        return new OpenAPI()
                .info(new Info()
                        .title("Study Board gateway API")
                        .version("v1")
                        .description("What the gateway answers itself: the member dashboard (API composition) and"
                                + " the system's description. The services' documents are listed beside it."))
                .components(new Components().addSecuritySchemes(SCHEME, signIn));
    }
}
