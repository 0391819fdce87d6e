/**
 * The replicas of other services' data this service keeps, built only from their events: the catalog's books,
 * chapters and sections, and the members. The topics keep every event, so an operator can rebuild the replicas
 * from them ({@code ReplicaRebuild}). Upstream of the other features: it knows nothing of assignments. It
 * answers their questions and tells them what was removed through its {@code api} alone.
 */
@ApplicationModule(allowedDependencies = {})
package dev.studyboard.progress.replica;

import org.springframework.modulith.ApplicationModule;
