package dev.studyboard.catalog.book.adapter.in.messaging;

import dev.studyboard.catalog.book.adapter.in.messaging.CatalogImportMessages.BookRefusedV1;
import dev.studyboard.catalog.book.adapter.in.messaging.CatalogImportMessages.BookRegisteredV1;
import dev.studyboard.catalog.book.adapter.in.messaging.CatalogImportMessages.BookRemovedV1;
import dev.studyboard.catalog.book.adapter.in.messaging.CatalogImportMessages.RegisterBookV1;
import dev.studyboard.catalog.book.adapter.in.messaging.CatalogImportMessages.RemoveBookV1;
import dev.studyboard.catalog.book.application.BookImport;
import dev.studyboard.catalog.book.domain.BookId;
import dev.studyboard.catalog.book.domain.BookPartConflictException;
import dev.studyboard.catalog.book.domain.InvalidBookException;
import dev.studyboard.outbox.CommandReceiver;
import dev.studyboard.outbox.CommandReceiver.Reply;
import dev.studyboard.outbox.EventType;
import dev.studyboard.outbox.ReceivedCommand;
import dev.studyboard.outbox.ReceivedCommand.MalformedCommandException;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Participant of an orchestrated saga: the catalog's step of an import, done on progress-service's commands
 * and answered on {@code import.replies} (docs/import-saga.md).
 *
 * <p>Each command is handled once ({@link CommandReceiver}); on top of that a book that is already there counts
 * as registered and one that is not there as removed, so the answer is the same however often it is asked.
 */
@Component
class ImportCommandsListener {

    static final String REGISTER_BOOK = "studyboard.progress.import.register-book";
    static final String REMOVE_BOOK = "studyboard.progress.import.remove-book";

    private static final Logger log = LoggerFactory.getLogger(ImportCommandsListener.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("audit");

    private final CommandReceiver receiver;
    private final BookImport books;
    private final JsonMapper json;

    ImportCommandsListener(CommandReceiver receiver, BookImport books, JsonMapper json) {
        this.receiver = receiver;
        this.books = books;
        this.json = json;
    }

    @KafkaListener(id = "import-commands", idIsGroup = false, topics = ImportTopics.COMMANDS)
    void onCommand(ConsumerRecord<String, byte[]> record) {
        var command = ReceivedCommand.from(record);
        switch (command.type()) {
            case REGISTER_BOOK -> registerBook(command, data(command, RegisterBookV1.class));
            case REMOVE_BOOK -> removeBook(command, data(command, RemoveBookV1.class));
            default -> log.debug("Skipping {}: not a command of catalog-service", command.type());
        }
    }

    private void registerBook(ReceivedCommand command, RegisterBookV1 data) {
        var importId = required(command, "importId", data.importId());
        var bookId = required(command, "bookId", data.bookId());
        receiver.handleOnce(
                command,
                () -> {
                    var chapters = ImportedBookMapper.chapters(data.chapters());
                    if (books.register(
                            new BookId(bookId),
                            data.title(),
                            data.authors(),
                            data.edition(),
                            data.language(),
                            chapters)) {
                        audit("register book " + bookId, importId, data.initiator());
                    }
                    return reply(importId, "book-registered", new BookRegisteredV1(importId, command.id(), bookId));
                },
                failure -> refusalReason(failure)
                        .map(reason -> reply(
                                importId, "book-refused", new BookRefusedV1(importId, command.id(), bookId, reason))));
    }

    private void removeBook(ReceivedCommand command, RemoveBookV1 data) {
        var importId = required(command, "importId", data.importId());
        var bookId = required(command, "bookId", data.bookId());
        receiver.handleOnce(
                command,
                () -> {
                    if (books.remove(new BookId(bookId))) {
                        audit("remove book " + bookId, importId, data.initiator());
                    }
                    return reply(importId, "book-removed", new BookRemovedV1(importId, command.id(), bookId));
                },
                failure -> Optional.empty()); // removing breaks no rule of a book: any failure is retried
    }

    /** A broken rule of the book, said so a person can act on it; empty for any other failure (retried). */
    private static Optional<String> refusalReason(RuntimeException failure) {
        if (failure instanceof InvalidBookException invalid) {
            return Optional.of(invalid.field() + ": " + invalid.reason());
        }
        if (failure instanceof BookPartConflictException conflict) {
            return Optional.of(conflict.getMessage());
        }
        return Optional.empty();
    }

    private static Reply reply(UUID importId, String name, Object data) {
        return new Reply(
                ImportTopics.REPLIES, "import", importId.toString(), EventType.v1("catalog", "import." + name), data);
    }

    /** Who started the import, on the same audit log as the API's requests. */
    private static void audit(String what, UUID importId, String initiator) {
        var action = what + " for import " + importId;
        AUDIT.atInfo()
                .addKeyValue("audit.who", initiator)
                .addKeyValue("audit.what", action)
                .log("{} by {}", action, initiator);
    }

    private <T> T data(ReceivedCommand command, Class<T> type) {
        try {
            return json.readValue(command.data(), type);
        } catch (RuntimeException e) {
            throw new MalformedCommandException("Unreadable data of " + command.type() + " " + command.id(), e);
        }
    }

    /** Without the import's or the book's id there is no one to answer and nothing to do: not a command. */
    private static UUID required(ReceivedCommand command, String field, UUID value) {
        if (value == null) {
            throw new MalformedCommandException(command.type() + " " + command.id() + " has no " + field, null);
        }
        return value;
    }
}
