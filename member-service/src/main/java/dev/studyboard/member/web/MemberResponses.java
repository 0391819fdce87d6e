package dev.studyboard.member.web;

import dev.studyboard.member.model.Member;
import dev.studyboard.member.model.MemberStatus;
import dev.studyboard.member.service.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;

/** Response bodies of the member API. */
final class MemberResponses {

    private MemberResponses() {}

    /**
     * A member as {@code viewer} may see them: {@code email} and {@code account} are personal details, written
     * only for the member themself and the organizer ({@link Actor#maySeePersonalDetailsOf}), null for anyone else.
     */
    record MemberResponse(
            UUID id,
            String displayName,
            String email,
            String account,
            MemberStatus status,
            Instant joinedAt,
            Instant leftAt,
            long version) {

        static MemberResponse of(Member member, Actor viewer) {
            boolean personal = viewer.maySeePersonalDetailsOf(member);
            return new MemberResponse(
                    member.id(),
                    member.displayName(),
                    personal ? member.email().orElse(null) : null,
                    personal ? member.account().orElse(null) : null,
                    member.status(),
                    member.joinedAt(),
                    member.leftAt().orElse(null),
                    member.version());
        }
    }

    record MemberListResponse(List<MemberResponse> members, PageMetadata page) {

        static MemberListResponse of(Page<Member> page, Actor viewer) {
            return new MemberListResponse(
                    page.map(member -> MemberResponse.of(member, viewer)).getContent(),
                    new PageMetadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
        }
    }

    record PageMetadata(int number, int size, long totalElements, long totalPages) {}
}
