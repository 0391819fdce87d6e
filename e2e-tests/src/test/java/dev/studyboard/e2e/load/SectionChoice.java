package dev.studyboard.e2e.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which free section a working member takes next. Everyone goes down the table, so the choice is one of the first
 * {@value #FRONT} free ones: members race for the same sections, and the one who comes second is answered 409, as in
 * the study group. A member never races with themself, though: several virtual users are signed in as the same demo
 * member, and one person does one thing at a time, so no two of them choose the same section.
 */
final class SectionChoice {

    static final int FRONT = 3;

    /** member + section, for every section a member has chosen in this run */
    private final Set<String> chosen = ConcurrentHashMap.newKeySet();

    /**
     * @param member the member's account
     * @param free   the items of the free sections, in the board's order
     * @return a section no virtual user of this member has chosen yet, if there is one
     */
    Optional<String> next(String member, List<String> free) {
        var front = new ArrayList<String>(FRONT);
        for (var item : free) {
            if (front.size() == FRONT) {
                break;
            }
            if (!chosen.contains(member + " " + item)) {
                front.add(item);
            }
        }
        Collections.shuffle(front, ThreadLocalRandom.current());
        // add() decides between two virtual users of one member choosing at the same instant
        return front.stream().filter(item -> chosen.add(member + " " + item)).findFirst();
    }
}
