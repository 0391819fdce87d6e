package dev.studyboard.auth.page;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device flow's {@code verification_uri} (RFC 8628): the CLI shows a code and this address; the person signs in
 * here and types the code. It is sent to Spring Authorization Server's verification endpoint, which asks the person
 * to confirm the client's scopes (the CLI requires consent) before the CLI gets its tokens.
 */
@RestController
class DeviceActivationPage {

    @GetMapping(path = "/activate", produces = MediaType.TEXT_HTML_VALUE)
    String activate(@RequestParam(name = "user_code", required = false) String userCode) {
        return Pages.page("기기 연결 · Connect a device", """
                <p>Type the code your terminal shows.</p>
                <form method="get" action="/oauth2/device_verification">
                  <input name="user_code" value="%s" required autofocus autocomplete="off" placeholder="ABCD-EFGH">
                  <button type="submit">Continue</button>
                </form>
                """.formatted(userCode == null ? "" : htmlEscape(userCode)));
    }

    @GetMapping(path = "/activated", produces = MediaType.TEXT_HTML_VALUE)
    String activated() {
        return Pages.page("연결됨 · Device connected", "<p>You may close this page and go back to your terminal.</p>");
    }
}
