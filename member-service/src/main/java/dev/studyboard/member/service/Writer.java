package dev.studyboard.member.service;

/**
 * A writer the notes of an import name: who they are to the study group.
 *
 * @param displayName as the notes write it, e.g. 이상경
 * @param account     the subject of the person's tokens, if the notes know it; null otherwise
 */
public record Writer(String displayName, String account) {

    /** The writer as a reason names them: {@code "이상경" (account sanggyeong)}. */
    String described() {
        return "\"" + displayName + "\"" + (account == null ? "" : " (account " + account + ")");
    }
}
