package dev.studyboard.member.web;

import dev.studyboard.member.model.Member;
import dev.studyboard.member.model.MemberStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;

/** Response bodies of the member API. */
final class MemberResponses {

    private MemberResponses() {}

    record MemberResponse(
            UUID id,
            String displayName,
            String email,
            MemberStatus status,
            Instant joinedAt,
            Instant leftAt,
            long version) {

        static MemberResponse of(Member member) {
            return new MemberResponse(
                    member.id(),
                    member.displayName(),
                    member.email().orElse(null),
                    member.status(),
                    member.joinedAt(),
                    member.leftAt().orElse(null),
                    member.version());
        }
    }

    record MemberListResponse(List<MemberResponse> members, PageMetadata page) {

        static MemberListResponse of(Page<Member> page) {
            return new MemberListResponse(
                    page.map(MemberResponse::of).getContent(),
                    new PageMetadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
        }
    }

    record PageMetadata(int number, int size, long totalElements, long totalPages) {}
}
