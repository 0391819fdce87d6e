/**
 * Who writes up which section, and how far along it is: the aggregate this service owns. It asks the replicas
 * only through their {@code api}, and follows what they report removed in the same transaction.
 */
@ApplicationModule(allowedDependencies = "replica::api")
package dev.studyboard.progress.assignment;

import org.springframework.modulith.ApplicationModule;
