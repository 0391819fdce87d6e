package dev.studyboard.auth.page;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where a person lands who signed in without a client sending them (the login form's default target). */
@RestController
class HomePage {

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(Principal person, CsrfToken csrf) {
        return Pages.page("Study Board", """
                <p>Signed in as <strong>%s</strong>.</p>
                <p>This is Study Board's sign-in service: Swagger UI and the CLI send you here when they need you.</p>
                <form method="post" action="/logout">
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">Sign out</button>
                </form>
                """.formatted(
                htmlEscape(person.getName()), htmlEscape(csrf.getParameterName()), htmlEscape(csrf.getToken())));
    }
}
