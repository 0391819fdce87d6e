package dev.studyboard.deploy;

/** A manifest Kubernetes would refuse: an unknown kind, an unknown field, a value of the wrong type. */
class InvalidManifestException extends RuntimeException {

    InvalidManifestException(String message, Throwable cause) {
        super(message, cause);
    }

    InvalidManifestException(String message) {
        super(message);
    }
}
