package dev.studyboard.member.web;

import dev.studyboard.web.ProblemDocumentation;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

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
                                + " Every member response carries its version as ETag (\"3\", or \"3.personal\" when it"
                                + " shows the e-mail and account); changes accept If-Match, either form, and"
                                + " reading a member If-None-Match (304 while the copy is current)."))
class MemberApiDocumentation {

    @Bean
    ProblemDocumentation memberProblems() {
        return ProblemDocumentation.of("member")
                .invalidFieldExample("displayName", "must not be blank")
                .answers(
                        HttpStatus.UNAUTHORIZED,
                        handler -> true,
                        "No valid bearer token: every member endpoint needs one")
                .answers(
                        HttpStatus.FORBIDDEN,
                        handler -> ProblemDocumentation.isChange(handler) || isMe(handler),
                        "Signed in, but not allowed: a member joins, renames and leaves only as themself")
                .answers(HttpStatus.NOT_FOUND, MemberApiDocumentation::isMe, "You have not joined the study group yet")
                .answers(
                        HttpStatus.CONFLICT,
                        ProblemDocumentation::isChange,
                        "The e-mail or the account is taken (`errors` names"
                                + " `email` or `account`), the member has left, or another request changed the member at"
                                + " the same moment");
    }

    private static boolean isMe(HandlerMethod handler) {
        return handler.getMethod().getName().equals("me");
    }
}
