/**
 * What the board offers the other features of this service: its read model ({@link
 * dev.studyboard.progress.board.api.BoardViews}), so that the pages show the very board the API serves.
 */
@NamedInterface("api")
package dev.studyboard.progress.board.api;

import org.springframework.modulith.NamedInterface;
