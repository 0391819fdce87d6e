package dev.studyboard.member.web;

import dev.studyboard.member.model.Member;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the member API. Bean Validation checks their shape; the {@link Member} checks its rules. */
final class MemberRequests {

    private MemberRequests() {}

    record JoinMember(
            @NotBlank @Size(max = Member.MAX_DISPLAY_NAME_LENGTH)
            String displayName,

            @Email @Size(max = Member.MAX_EMAIL_LENGTH) String email) {}

    record RenameMember(
            @NotBlank @Size(max = Member.MAX_DISPLAY_NAME_LENGTH)
            String displayName) {}
}
