package dev.studyboard.auth.page;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/** The few pages of our own, plain HTML: the login and consent pages are Spring Security's. */
final class Pages {

    private Pages() {}

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="ko">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s · Study Board</title>
                  <style>
                    body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; }
                    input, button { font-size: 1.2rem; padding: .4rem .6rem; }
                    input { letter-spacing: .2rem; text-transform: uppercase; }
                  </style>
                </head>
                <body>
                <h1>%s</h1>
                %s
                </body>
                </html>
                """.formatted(htmlEscape(title), htmlEscape(title), body);
    }
}
