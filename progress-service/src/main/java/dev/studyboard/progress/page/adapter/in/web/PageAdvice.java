package dev.studyboard.progress.page.adapter.in.web;

import dev.studyboard.progress.board.api.BoardViews.NotOnBoardException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page shares: who it is for (the header's {@code person}), and its errors as pages in the site's layout
 * rather than problem details; to an htmx request, a small alert that htmx puts next to the element that asked,
 * never a whole page in place of a row or a form. Asked before the service-wide advice, which answers every
 * controller with problem details.
 */
@ControllerAdvice(assignableTypes = {BoardPages.class, SectionButtons.class, ImportPages.class, ForbiddenPage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    @ModelAttribute("person")
    Person person() {
        return Person.current();
    }

    @ExceptionHandler({
        NotOnBoardException.class,
        SectionButtons.NoSuchStepException.class,
        ImportPages.NoSuchImportException.class
    })
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return errorPage(request, response, HttpStatus.NOT_FOUND, "찾는 것이 없습니다: 주소를 확인하세요");
    }

    /** A path that names no book or import: not an id at all. */
    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView notAnId(HttpServletRequest request, HttpServletResponse response) {
        return errorPage(request, response, HttpStatus.BAD_REQUEST, "주소가 올바르지 않습니다");
    }

    @ExceptionHandler({
        MissingServletRequestPartException.class,
        MissingServletRequestParameterException.class,
        MultipartException.class
    })
    ModelAndView notAnUpload(HttpServletRequest request, HttpServletResponse response) {
        return errorPage(request, response, HttpStatus.BAD_REQUEST, "노트 파일을 골라 보내 주세요");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return errorPage(request, response, HttpStatus.CONTENT_TOO_LARGE, "노트 파일이 너무 큽니다");
    }

    static ModelAndView errorPage(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String words) {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Retarget", "this");
            response.setHeader("HX-Reswap", "afterend");
            return new ModelAndView("page/error :: alert", Map.of("words", words), status);
        }
        return new ModelAndView(
                "page/error", Map.of("person", Person.current(), "status", status.value(), "words", words), status);
    }
}
