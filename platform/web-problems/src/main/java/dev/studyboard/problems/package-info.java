/**
 * Plain Java, no Spring, no Jakarta: the problems a domain or a use case reports that every service's API
 * answers the same way, an invalid field (400) and a stale version (412). A framework-free domain can throw
 * them; {@link dev.studyboard.web.InvalidRequestProblems} turns them into RFC 9457 problem details.
 */
package dev.studyboard.problems;
