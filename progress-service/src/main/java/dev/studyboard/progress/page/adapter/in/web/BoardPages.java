package dev.studyboard.progress.page.adapter.in.web;

import dev.studyboard.progress.assignment.api.SectionWork;
import dev.studyboard.progress.assignment.api.SectionWork.Worker;
import dev.studyboard.progress.board.api.BoardViews;
import dev.studyboard.progress.board.api.MemberSummary;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pages that read the study board: the books with their progress, a book's board laid out like the notes, and
 * the summary of the person signed in. Anyone may read them; a person signed in also sees their buttons.
 */
@Controller
class BoardPages {

    private final BoardViews boards;
    private final SectionWork work;

    BoardPages(BoardViews boards, SectionWork work) {
        this.boards = boards;
        this.work = work;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String books(Model model) {
        model.addAttribute("books", boards.books());
        model.addAttribute("summary", summaryOf(viewer()).orElse(null));
        return "page/books";
    }

    @GetMapping(path = "/books/{bookId}", produces = MediaType.TEXT_HTML_VALUE)
    String board(@PathVariable UUID bookId, Model model) {
        model.addAttribute("board", BoardView.of(boards.board(bookId), viewer()));
        return "page/board";
    }

    @GetMapping(path = "/summary", produces = MediaType.TEXT_HTML_VALUE)
    String summary(Model model) {
        model.addAttribute("summary", summaryOf(viewer()).orElse(null));
        return "page/summary";
    }

    /** The person signed in, as the assignment rules see them; a machine client's token shows no buttons. */
    private Optional<Worker> viewer() {
        return Person.current().signedIn() ? work.signedIn() : Optional.empty();
    }

    private Optional<MemberSummary> summaryOf(Optional<Worker> viewer) {
        return viewer.flatMap(Worker::memberId).map(boards::summaryOf);
    }
}
