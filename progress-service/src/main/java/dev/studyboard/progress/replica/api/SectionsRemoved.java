package dev.studyboard.progress.replica.api;

import java.util.List;
import java.util.UUID;

/**
 * Sections of a book left the catalog (removed one by one, with their chapter, or with the whole book), as the
 * book replica has just recorded. Published in the transaction that records it and handled synchronously in
 * that same transaction, so what follows from it commits with it.
 */
public record SectionsRemoved(UUID bookId, List<String> items) {}
