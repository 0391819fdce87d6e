/**
 * The study board in a browser: pages rendered here, with a little htmx, and live updates over server-sent events
 * fed by this service's own events. The gateway is the backend for frontend (seed 000 4.5): it keeps the session and
 * relays the signed-in person's token, so here a person is a verified bearer token and no token is an anonymous
 * visitor. The pages show the board's read model, change work through the assignments' use cases and start imports
 * through theirs: each through what that feature publishes, so every rule stays in one place.
 */
@ApplicationModule(allowedDependencies = {"board::api", "assignment::api", "imports::api"})
package dev.studyboard.progress.page;

import org.springframework.modulith.ApplicationModule;
