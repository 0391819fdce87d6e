package dev.studyboard.member.web;

import dev.studyboard.web.ProblemDocumentation;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The member API's OpenAPI document (springdoc): the endpoints come from the controller, the problem responses
 * of every operation from {@link ProblemDocumentation}, derived from its parameters and HTTP method so the
 * document cannot drift from the code. Only what is the member API's own is declared here.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Study Board member API",
                        version = "v1",
                        description = "The study members, the writers the notes name."
                                + " Every member response carries its version as ETag; changes accept If-Match."))
class MemberApiDocumentation {

    @Bean
    ProblemDocumentation memberProblems() {
        return ProblemDocumentation.of("member")
                .invalidFieldExample("displayName", "must not be blank")
                .answers(
                        HttpStatus.CONFLICT,
                        ProblemDocumentation::isChange,
                        "The e-mail is taken (`errors` names"
                                + " `email`), the member has left, or another request changed the member at the same moment");
    }
}
