package dev.studyboard.progress.page.adapter.in.web;

import dev.studyboard.progress.assignment.api.SectionWork.Step;
import dev.studyboard.progress.assignment.api.SectionWork.Worker;
import dev.studyboard.progress.board.api.Board;
import dev.studyboard.progress.page.domain.OfferedSteps;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A book's board as the page shows it: the notes' tables, each row with the buttons it offers the viewer. */
record BoardView(UUID bookId, String title, List<ChapterView> chapters) {

    /** @param heading as the notes head a chapter's table: {@code 03장. 마이크로서비스 아키텍처의 기본} */
    record ChapterView(String heading, List<RowView> rows) {}

    /** One row of a chapter's table; {@code page} and {@code writer} are null where the notes leave them empty. */
    record RowView(String item, String title, Integer page, String writer, boolean done, List<Button> buttons) {}

    /** @param action the step as the page's URLs name it: {@code take}, {@code start}, ... */
    record Button(String action, String label) {

        static Button of(Step step) {
            var label = switch (step) {
                case TAKE -> "맡기";
                case START -> "시작";
                case COMPLETE -> "완료";
                case REOPEN -> "다시 열기";
                case RELEASE -> "내려놓기";
            };
            return new Button(action(step), label);
        }

        static String action(Step step) {
            return step.name().toLowerCase(Locale.ROOT);
        }
    }

    static BoardView of(Board board, Optional<Worker> viewer) {
        return new BoardView(
                board.bookId(),
                board.title(),
                board.chapters().stream()
                        .map(chapter -> new ChapterView(
                                "%02d장. %s".formatted(chapter.number(), chapter.title()),
                                chapter.rows().stream()
                                        .map(row -> row(row, viewer))
                                        .toList()))
                        .toList());
    }

    static RowView row(Board.Row row, Optional<Worker> viewer) {
        return new RowView(
                row.item(),
                row.title(),
                row.page(),
                row.writer(),
                row.done(),
                OfferedSteps.on(row, viewer).stream().map(Button::of).toList());
    }

    Optional<RowView> find(String item) {
        return chapters.stream()
                .flatMap(chapter -> chapter.rows().stream())
                .filter(row -> row.item().equals(item))
                .findFirst();
    }
}
