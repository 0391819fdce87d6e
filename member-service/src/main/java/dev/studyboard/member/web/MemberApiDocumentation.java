package dev.studyboard.member.web;

import static dev.studyboard.web.ProblemDocumentation.problem;

import dev.studyboard.web.ProblemDocumentation;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

/**
 * The member API's OpenAPI document (springdoc): the endpoints come from the controller; this adds the API's
 * description and, to every operation, the RFC 9457 problem responses it can give, derived from its
 * parameters and its HTTP method so the document cannot drift from the code.
 */
@Configuration(proxyBeanMethods = false)
class MemberApiDocumentation {

    @Bean
    OpenAPI memberOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Study Board member API").version("v1")
                        .description("The study members, the writers the notes name."
                                + " Every member response carries its version as ETag; changes accept If-Match."))
                .components(new Components().addSchemas(ProblemDocumentation.SCHEMA,
                        ProblemDocumentation.problemSchema("displayName", "must not be blank")));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            var responses = operation.getResponses();
            if (ProblemDocumentation.takesInput(handler)) {
                responses.addApiResponse("400", problem("Invalid input: `errors` names each field and the reason"));
            }
            if (ProblemDocumentation.namesResource(handler)) {
                responses.addApiResponse("404", problem("No such member"));
            }
            if (handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)) {
                responses.addApiResponse("409", problem("The e-mail is taken (`errors` names `email`), the member"
                        + " has left, or another request changed the member at the same moment"));
            }
            if (ProblemDocumentation.isConditional(handler)) {
                responses.addApiResponse("412", problem("If-Match is not the member's current version;"
                        + " `currentVersion` and the ETag header give it"));
            }
            return operation;
        };
    }
}
