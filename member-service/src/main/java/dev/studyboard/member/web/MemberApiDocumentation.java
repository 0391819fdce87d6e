package dev.studyboard.member.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member API's OpenAPI document (springdoc): the endpoints come from the controller; this adds the API's
 * description and, to every operation, the RFC 9457 problem responses it can give, derived from its
 * parameters and its HTTP method so the document cannot drift from the code.
 */
@Configuration(proxyBeanMethods = false)
class MemberApiDocumentation {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI memberOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Study Board member API").version("v1")
                        .description("The study members, the writers the notes name."
                                + " Every member response carries its version as ETag; changes accept If-Match."))
                .components(new Components().addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            var parameters = Arrays.stream(handler.getMethodParameters()).toList();
            var responses = operation.getResponses();
            boolean validated = parameters.stream().anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                    || p.hasParameterAnnotation(RequestParam.class) || p.hasParameterAnnotation(PathVariable.class));
            if (validated) {
                responses.addApiResponse("400", problem("Invalid input: `errors` names each field and the reason"));
            }
            if (parameters.stream().anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
                responses.addApiResponse("404", problem("No such member"));
            }
            if (handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)) {
                responses.addApiResponse("409", problem("The e-mail is taken (`errors` names `email`), the member"
                        + " has left, or another request changed the member at the same moment"));
            }
            boolean conditional = parameters.stream().anyMatch(p -> p.hasParameterAnnotation(RequestHeader.class)
                    && HttpHeaders.IF_MATCH.equals(p.getParameterAnnotation(RequestHeader.class).name()));
            if (conditional) {
                responses.addApiResponse("412", problem("If-Match is not the member's current version;"
                        + " `currentVersion` and the ETag header give it"));
            }
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        var invalidField = new ObjectSchema()
                .addProperty("field", new StringSchema().example("displayName"))
                .addProperty("reason", new StringSchema().example("must not be blank"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(invalidField)
                        .description("400, and 409 for a taken e-mail: every invalid field"))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("412 only: the member's current version"));
    }
}
