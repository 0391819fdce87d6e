/**
 * The reporting store (seed 002, 5.14 reporting database): study progress per member and per week, in a schema of
 * its own ({@code reporting}, db/migration V4) that an event data pump (5.16, {@code ReportingPump}) fills from
 * {@code progress.events} and {@code member.events}. It uses no other module and reads none of their tables: it
 * reads the events. What it publishes is that schema, for reporting tools to query with SQL (through a role that
 * reads only it, V4 says how), and the weekly report of the API; no other feature uses it.
 */
@ApplicationModule(allowedDependencies = {})
package dev.studyboard.progress.report;

import org.springframework.modulith.ApplicationModule;
