package dev.studyboard.progress.replica.adapter.in.messaging;

/** A record that is not a readable event of its topic: retrying cannot help, so it goes straight to the DLT. */
class MalformedEventException extends RuntimeException {

    MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
