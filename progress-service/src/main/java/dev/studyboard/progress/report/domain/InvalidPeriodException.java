package dev.studyboard.progress.report.domain;

import dev.studyboard.problems.InvalidFieldException;

/** A report asked for weeks it cannot give. {@code field} is the query parameter: {@code from} or {@code to}. */
public class InvalidPeriodException extends InvalidFieldException {

    public InvalidPeriodException(String field, String reason) {
        super(field, reason);
    }
}
