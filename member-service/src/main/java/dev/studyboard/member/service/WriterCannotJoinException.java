package dev.studyboard.member.service;

/** A writer of an import cannot be a member; the message names the writer and says why. */
public class WriterCannotJoinException extends RuntimeException {

    public WriterCannotJoinException(Writer writer, String reason) {
        super("Writer " + writer.described() + " cannot join: " + reason);
    }
}
