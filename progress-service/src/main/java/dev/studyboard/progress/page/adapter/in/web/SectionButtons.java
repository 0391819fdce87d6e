package dev.studyboard.progress.page.adapter.in.web;

import static java.util.stream.Collectors.toMap;

import dev.studyboard.progress.assignment.api.SectionWork;
import dev.studyboard.progress.assignment.api.SectionWork.Refusal;
import dev.studyboard.progress.assignment.api.SectionWork.Step;
import dev.studyboard.progress.assignment.api.SectionWork.WorkRefusedException;
import dev.studyboard.progress.board.api.BoardViews;
import dev.studyboard.progress.board.api.BoardViews.NotOnBoardException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The buttons of a board's rows (htmx posts): the step goes to the assignments' use cases, and the answer is the row
 * as it is now, to take the old one's place. A refused step answers the row with the reason in words, under the
 * status the API gives it (board.js has htmx show these 4xx answers too).
 */
@Controller
class SectionButtons {

    /** The steps by the names the page's URLs give them: {@code take}, {@code start}, ... */
    private static final Map<String, Step> STEPS =
            Arrays.stream(Step.values()).collect(toMap(BoardView.Button::action, Function.identity()));

    /** A refusal as the page tells it: the status, and the words of the alert. */
    record Alert(HttpStatus status, String words) {

        static Alert of(Refusal refusal) {
            return switch (refusal) {
                case NOT_YOUR_SECTION -> new Alert(HttpStatus.FORBIDDEN, "이 섹션은 다른 멤버의 것입니다");
                case NOT_A_MEMBER -> new Alert(HttpStatus.FORBIDDEN, "스터디 그룹의 멤버만 할 수 있습니다: 먼저 가입하세요");
                case UNKNOWN_SECTION -> new Alert(HttpStatus.NOT_FOUND, "이 책에는 그런 섹션이 없습니다");
                case UNKNOWN_MEMBER -> new Alert(HttpStatus.UNPROCESSABLE_CONTENT, "알 수 없는 멤버입니다");
                case MEMBER_LEFT -> new Alert(HttpStatus.CONFLICT, "작성자가 스터디 그룹을 떠났습니다");
                case SECTION_TAKEN -> new Alert(HttpStatus.CONFLICT, "이미 다른 멤버가 맡았습니다");
                case ILLEGAL_STEP -> new Alert(HttpStatus.CONFLICT, "지금 상태에서는 할 수 없습니다: 보드를 새로 보세요");
                case CHANGED_MEANWHILE -> new Alert(HttpStatus.CONFLICT, "방금 다른 요청이 바꿨습니다: 다시 해 보세요");
            };
        }
    }

    private final SectionWork work;
    private final BoardViews boards;

    SectionButtons(SectionWork work, BoardViews boards) {
        this.work = work;
        this.boards = boards;
    }

    @PostMapping(path = "/books/{bookId}/sections/{item}/{action}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView press(@PathVariable UUID bookId, @PathVariable String item, @PathVariable String action) {
        var step = Optional.ofNullable(STEPS.get(action)).orElseThrow(() -> new NoSuchStepException(action));
        Alert alert = null;
        try {
            work.perform(bookId, item, step);
        } catch (WorkRefusedException refused) {
            alert = Alert.of(refused.refusal());
        }
        var row = currentRow(bookId, item);
        if (row.isEmpty()) {
            alert = Alert.of(Refusal.UNKNOWN_SECTION);
        }
        var answer = new ModelAndView(
                row.isPresent() ? "page/row :: row" : "page/row :: missing",
                alert == null ? HttpStatus.OK : alert.status());
        answer.addObject("bookId", bookId);
        answer.addObject("item", item);
        row.ifPresent(it -> answer.addObject("row", it));
        answer.addObject("alert", alert == null ? null : alert.words());
        return answer;
    }

    private Optional<BoardView.RowView> currentRow(UUID bookId, String item) {
        try {
            return BoardView.of(boards.board(bookId), work.signedIn()).find(item);
        } catch (NotOnBoardException unknownBook) {
            return Optional.empty();
        }
    }

    /** A step the page has no button for: the URL names nothing (404). */
    static class NoSuchStepException extends RuntimeException {
        NoSuchStepException(String action) {
            super("No step '" + action + "': take, start, complete, reopen or release");
        }
    }
}
