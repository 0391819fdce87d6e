/**
 * The study board: a read model that joins the replicas with the assignments in one local query. It reads the
 * tables of both, but uses no code of either: its view of a status is its own ({@code WriteUpStatus}). The read
 * model is what it publishes ({@code api}), for the pages.
 */
@ApplicationModule(allowedDependencies = {})
package dev.studyboard.progress.board;

import org.springframework.modulith.ApplicationModule;
