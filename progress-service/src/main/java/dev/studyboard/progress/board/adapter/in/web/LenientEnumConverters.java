package dev.studyboard.progress.board.adapter.in.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets query parameters name the board's formats in lower case: {@code ?format=markdown}, {@code ?style=checklist}. */
@Configuration(proxyBeanMethods = false)
class LenientEnumConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(
                String.class,
                BoardController.BoardFormat.class,
                text -> BoardController.BoardFormat.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT)));
        registry.addConverter(
                String.class,
                BoardController.MarkdownStyle.class,
                text -> BoardController.MarkdownStyle.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT)));
    }
}
