package dev.studyboard.progress.page.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page that a page request refused by the security rules is forwarded to ({@code ProgressWebSecurity}): 403 in
 * the site's layout, where the API answers problem details; to an htmx request, the alert alone. Reached by that
 * forward only, whatever the method.
 */
@Controller
class ForbiddenPage {

    @RequestMapping(path = "/forbidden", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView forbidden(HttpServletRequest request, HttpServletResponse response) {
        return PageAdvice.errorPage(request, response, HttpStatus.FORBIDDEN, "이 페이지를 볼 권한이 없습니다");
    }
}
