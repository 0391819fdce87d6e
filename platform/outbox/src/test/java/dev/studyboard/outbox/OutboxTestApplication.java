package dev.studyboard.outbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that has nothing but the outbox, for testing the relay on its own. */
@SpringBootApplication
class OutboxTestApplication {

    /** Its own topic ({@code studyboard.outbox.topic} in the tests' application.yml), declared by the outbox. */
    static final String TOPIC = "outbox.test.events";
}
