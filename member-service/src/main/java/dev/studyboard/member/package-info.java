/**
 * member-service, the layered architecture example: {@code web} (HTTP) and {@code commands} (the import saga's
 * commands, from Kafka) → {@code service} → {@code repository} and {@code messaging} (its events, through the
 * outbox), with the {@code model} used by all. The service layer holds the use cases and their transactions, no
 * infrastructure. A CRUD service whose rules fit on one entity does not need the ports and adapters of
 * catalog-service (hexagonal): there is no second adapter to swap in, so a port would only add a name.
 */
package dev.studyboard.member;
