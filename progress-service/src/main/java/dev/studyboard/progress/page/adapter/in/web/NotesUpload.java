package dev.studyboard.progress.page.adapter.in.web;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * The one upload of this service: the notes of an import page. The shared configuration turns Spring Boot's multipart
 * support off, since no API takes an upload; it is set up here instead, parsing a body only when a handler asks for
 * its parts: every other endpoint treats a multipart body as before (415 problem details), and one that cannot be
 * parsed fails in the import page's handler, which answers it 400.
 */
@Configuration(proxyBeanMethods = false)
class NotesUpload {

    /** Far above the notes an import takes (200,000 characters, up to 3 bytes each), well below the body limit. */
    private static final long MAX_FILE = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement() {
        return new MultipartConfigElement("", MAX_FILE, MAX_FILE + 64 * 1024, (int) MAX_FILE);
    }

    @Bean
    MultipartResolver multipartResolver() {
        var resolver = new StandardServletMultipartResolver();
        resolver.setResolveLazily(true);
        return resolver;
    }
}
