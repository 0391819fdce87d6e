package dev.studyboard.member.model;

/**
 * A member's version and account, without the rest of the member: what a conditional read needs to answer 304
 * (is the client's copy current, and is it the view this caller gets).
 *
 * @param account the subject of the member's tokens, or null for a member nobody signs in as
 */
public record MemberVersion(long version, String account) {}
