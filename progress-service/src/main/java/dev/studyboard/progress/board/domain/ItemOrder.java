package dev.studyboard.progress.board.domain;

import java.util.Arrays;
import java.util.Comparator;

/** Orders item numbers as the notes do: by their numbers, so 4.9 comes before 4.10. */
public final class ItemOrder {

    public static final Comparator<String> NUMERIC = (a, b) -> Arrays.compare(parts(a), parts(b));

    private ItemOrder() {}

    private static int[] parts(String item) {
        return Arrays.stream(item.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
