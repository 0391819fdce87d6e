package dev.studyboard.catalog.book.adapter.in.web;

import dev.studyboard.web.ProblemDocumentation;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The catalog's OpenAPI document (springdoc): the endpoints come from the controller, the problem responses
 * of every operation from {@link ProblemDocumentation}, derived from its parameters so the document cannot
 * drift from the code. Only what is the catalog's own is declared here.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Study Board catalog API",
                        version = "v1",
                        description = "Books with"
                                + " chapters and sections, numbered as the study notes number them. Every book response carries its"
                                + " version as ETag; changes accept If-Match, and reading a book If-None-Match (304 while"
                                + " the copy is current)."))
class CatalogApiDocumentation {

    @Bean
    ProblemDocumentation catalogProblems() {
        return ProblemDocumentation.of("book")
                .notFound("No such book, chapter or section")
                .answers(
                        HttpStatus.CONFLICT,
                        ProblemDocumentation::isConditional,
                        "The chapter or section"
                                + " already exists, or another request changed the book at the same moment")
                .answers(
                        HttpStatus.UNAUTHORIZED,
                        ProblemDocumentation::isChange,
                        "No valid bearer token: a change needs one (reading needs none)")
                .answers(
                        HttpStatus.FORBIDDEN,
                        ProblemDocumentation::isChange,
                        "Only the organizer or a client granted catalog.write changes the catalog")
                .invalidFieldExample("chapters[0].sections[1].item", "must be an item number like 3.1 or 4.10");
    }
}
