/** What the assignments offer the other features of this service: recording a whole board's work at once. */
@NamedInterface("api")
package dev.studyboard.progress.assignment.api;

import org.springframework.modulith.NamedInterface;
