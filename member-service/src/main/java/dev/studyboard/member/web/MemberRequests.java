package dev.studyboard.member.web;

import dev.studyboard.member.model.Member;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the member API. Bean Validation checks their shape; the {@link Member} checks its rules. */
final class MemberRequests {

    private MemberRequests() {}

    /**
     * @param account the person to link (the subject of their tokens): a member may only name themself, or leave
     *                it out; the organizer and the {@code members.write} client may name anyone, or leave it out
     *                for a member nobody signs in as
     */
    record JoinMember(
            @NotBlank @Size(max = Member.MAX_DISPLAY_NAME_LENGTH)
            String displayName,

            @Email @Size(max = Member.MAX_EMAIL_LENGTH) String email,
            @Size(min = 1, max = Member.MAX_ACCOUNT_LENGTH) String account) {}

    record RenameMember(
            @NotBlank @Size(max = Member.MAX_DISPLAY_NAME_LENGTH)
            String displayName) {}
}
