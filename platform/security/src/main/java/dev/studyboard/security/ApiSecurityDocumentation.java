package dev.studyboard.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The service's OpenAPI document says how to get a token: OAuth 2 authorization code (with PKCE, which Swagger
 * UI adds) at the auth-server, so Swagger UI's "Authorize" signs a person in and sends their token. Which
 * roles an operation needs is the service's rule ({@code …WebSecurity}), not this document's.
 */
public class ApiSecurityDocumentation implements OpenApiCustomizer {

    /** Name of the scheme under {@code components.securitySchemes}. */
    public static final String SCHEME = "study-board";

    private final String authServerUrl;

    /** @param authServerUrl where a browser reaches the auth-server, e.g. {@code http://localhost:9000} */
    public ApiSecurityDocumentation(String authServerUrl) {
        this.authServerUrl = authServerUrl.replaceAll("/+$", "");
    }

    @Override
    public void customise(OpenAPI openApi) {
        var flow = new OAuthFlow()
                .authorizationUrl(authServerUrl + "/oauth2/authorize")
                .tokenUrl(authServerUrl + "/oauth2/token")
                .scopes(new Scopes()
                        .addString("openid", "who you are")
                        .addString("profile", "your name")
                        .addString("email", "your e-mail"));
        openApi.schemaRequirement(
                SCHEME,
                new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("Sign in at the Study Board auth-server; reads of the catalog and the boards"
                                + " need no token")
                        .flows(new OAuthFlows().authorizationCode(flow)));
        // A change needs the token; a read takes it if you have one (the catalog and the boards need none):
        // an empty requirement beside the scheme is how OpenAPI says "optional".
        if (openApi.getPaths() != null) {
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                        var signedIn = new SecurityRequirement().addList(SCHEME);
                        operation.setSecurity(
                                method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD
                                        ? List.of(new SecurityRequirement(), signedIn)
                                        : List.of(signedIn));
                    }));
        }
    }
}
