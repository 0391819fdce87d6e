/**
 * Importing a study board from the group's notes, as an orchestrated saga (docs/import-saga.md): the book
 * registered in catalog-service, the writers joined in member-service, then who writes what recorded here, each step
 * undone in reverse if a later one fails. It waits on the replicas through their {@code api} and records the work
 * through the assignments' {@code api}.
 */
@ApplicationModule(allowedDependencies = {"replica::api", "assignment::api"})
package dev.studyboard.progress.imports;

import org.springframework.modulith.ApplicationModule;
