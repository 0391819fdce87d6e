package dev.studyboard.member.model;

/** Whether a member still studies with the group. Stored by name. */
public enum MemberStatus {
    ACTIVE,
    LEFT
}
