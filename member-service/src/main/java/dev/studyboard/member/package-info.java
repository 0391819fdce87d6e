/**
 * member-service, the layered example (seed 000, 3.2): {@code web} → {@code service} → {@code repository},
 * with the {@code model} used by all. A CRUD service whose rules fit on one entity does not need the ports
 * and adapters of catalog-service (3.3): there is no second adapter to swap in, so a port would only add a
 * name.
 */
package dev.studyboard.member;
