package dev.studyboard.progress.board.adapter.in.web;

import dev.studyboard.progress.board.api.Board;

/**
 * Renders a board in the two forms the study group's notes use, so the service can reproduce them:
 * the table of seed 000 ({@code | 아이템 | 제목 | 페이지 | 작성자 | 완료 |}) and the checklist of seed 002
 * ({@code - [X] 1.1 title}).
 */
final class BoardMarkdown {

    static final String DONE_MARK = ":heavy_check_mark:";

    private BoardMarkdown() {}

    /** One table per chapter, headed {@code **03장. title**}; a chapter without sections gets one empty row. */
    static String table(Board board) {
        var out = new StringBuilder("# ").append(board.title()).append("\n\n");
        for (var chapter : board.chapters()) {
            out.append(String.format("**%02d장. %s**%n%n", chapter.number(), chapter.title()));
            out.append("| 아이템 | 제목 | 페이지 | 작성자 | 완료 |\n");
            out.append("| :----: | ---- | :----: | :----: | :----: |\n");
            if (chapter.rows().isEmpty()) {
                out.append("|  |  |  |  |  |\n");
            }
            for (var row : chapter.rows()) {
                out.append("| ")
                        .append(row.item())
                        .append(" | ")
                        .append(cell(row.title()))
                        .append(" | ")
                        .append(row.page() == null ? "" : row.page())
                        .append(" | ")
                        .append(row.writer() == null ? "" : cell(row.writer()))
                        .append(" | ")
                        .append(row.done() ? DONE_MARK : "")
                        .append(" |\n");
            }
            out.append("\n<br/>\n\n");
        }
        return out.toString();
    }

    /** The checklist: {@code 1장. title} then one task per section, {@code [X]} when done. */
    static String checklist(Board board) {
        var out = new StringBuilder("# ").append(board.title()).append("\n\n");
        for (var chapter : board.chapters()) {
            out.append(chapter.number()).append("장. ").append(chapter.title()).append('\n');
            for (var row : chapter.rows()) {
                out.append("- [")
                        .append(row.done() ? "X" : " ")
                        .append("] ")
                        .append(row.item())
                        .append(' ')
                        .append(row.title())
                        .append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A pipe inside a cell would end it. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
