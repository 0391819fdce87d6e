/**
 * What the replicas offer the other features of this service: questions answered from the replicas
 * ({@link dev.studyboard.progress.replica.api.ReplicatedData}), and in-process events saying what is gone.
 */
@NamedInterface("api")
package dev.studyboard.progress.replica.api;

import org.springframework.modulith.NamedInterface;
