/**
 * What the assignments offer the other features of this service: recording a whole board's work at once (the
 * import), and one section's work changed by the person signed in (the pages), both through the same use cases.
 */
@NamedInterface("api")
package dev.studyboard.progress.assignment.api;

import org.springframework.modulith.NamedInterface;
