package dev.studyboard.progress.report.domain;

import java.util.UUID;

/**
 * What the report keeps of a member, after the change that made them {@code version} (member.events): the name,
 * and whether they are still in the group. A {@code null} name leaves the one kept unchanged.
 */
public record ReportedMember(UUID memberId, long version, String displayName, boolean active) {

    public static ReportedMember joined(UUID memberId, long version, String displayName) {
        return new ReportedMember(memberId, version, displayName, true);
    }

    /** Only a member in the group is renamed: one who left gets no more changes (but being removed). */
    public static ReportedMember renamed(UUID memberId, long version, String displayName) {
        return new ReportedMember(memberId, version, displayName, true);
    }

    /** Left the group, or removed because the import that created them was undone: their weeks stay counted. */
    public static ReportedMember gone(UUID memberId, long version) {
        return new ReportedMember(memberId, version, null, false);
    }
}
