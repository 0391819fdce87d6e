package dev.studyboard.progress.page.application;

import java.util.UUID;

/** Port: the boards open in browsers on this instance, told that their book's board changed. */
public interface LiveBoards {

    /** @param item the section that changed, e.g. {@code 4.3} */
    void changed(UUID bookId, String item);
}
