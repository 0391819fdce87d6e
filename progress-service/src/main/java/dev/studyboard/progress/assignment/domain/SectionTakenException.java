package dev.studyboard.progress.assignment.domain;

/** A member tried to take a section that someone else writes up already (or took a moment earlier). */
public class SectionTakenException extends RuntimeException {

    public SectionTakenException(SectionRef section) {
        super("Section " + section.item() + " is already taken by someone else");
    }
}
