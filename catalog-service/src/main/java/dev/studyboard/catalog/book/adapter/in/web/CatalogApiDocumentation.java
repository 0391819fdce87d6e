package dev.studyboard.catalog.book.adapter.in.web;

import static dev.studyboard.web.ProblemDocumentation.problem;

import dev.studyboard.web.ProblemDocumentation;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog's OpenAPI document (springdoc): the endpoints come from the controller; this adds the API's
 * description and, to every operation, the RFC 9457 problem responses it can give, derived from its
 * parameters so the document cannot drift from the code.
 */
@Configuration(proxyBeanMethods = false)
class CatalogApiDocumentation {

    @Bean
    OpenAPI catalogOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Study Board catalog API").version("v1")
                        .description("Books with chapters and sections, numbered as the study notes number them."
                                + " Every book response carries its version as ETag; changes accept If-Match."))
                .components(new Components().addSchemas(ProblemDocumentation.SCHEMA, ProblemDocumentation
                        .problemSchema("chapters[0].sections[1].item", "must be an item number like 3.1 or 4.10")));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            var responses = operation.getResponses();
            if (ProblemDocumentation.takesInput(handler)) {
                responses.addApiResponse("400", problem("Invalid input: `errors` names each field and the reason"));
            }
            if (ProblemDocumentation.namesResource(handler)) {
                responses.addApiResponse("404", problem("No such book, chapter or section"));
            }
            if (ProblemDocumentation.isConditional(handler)) {
                responses.addApiResponse("409", problem("The chapter or section already exists, or another"
                        + " request changed the book at the same moment"));
                responses.addApiResponse("412", problem("If-Match is not the book's current version;"
                        + " `currentVersion` and the ETag header give it"));
            }
            return operation;
        };
    }
}
