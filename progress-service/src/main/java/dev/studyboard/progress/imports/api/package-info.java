/**
 * What the imports offer the other features of this service: starting an import for the person signed in, and
 * where it is, with the same translation of the notes and the same idempotency as the API's (for the pages).
 */
@NamedInterface("api")
package dev.studyboard.progress.imports.api;

import org.springframework.modulith.NamedInterface;
