package dev.studyboard.member.web;

import dev.studyboard.member.model.Member;
import dev.studyboard.member.model.MemberStatus;
import dev.studyboard.member.service.Actor;
import dev.studyboard.member.service.MemberService;
import dev.studyboard.member.web.MemberRequests.JoinMember;
import dev.studyboard.member.web.MemberRequests.RenameMember;
import dev.studyboard.member.web.MemberResponses.MemberListResponse;
import dev.studyboard.member.web.MemberResponses.MemberResponse;
import dev.studyboard.web.EntityTags;
import dev.studyboard.web.ReadCaching;
import dev.studyboard.web.VersionedResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web layer: the member REST API. It translates HTTP into {@link MemberService} calls and back, with the
 * caller as an {@link Actor}. Every response with a member carries its version as {@code ETag}, a tag for each
 * view ({@link #tag}); changes accept {@code If-Match}, and reading a member accepts {@code If-None-Match}.
 */
@RestController
@RequestMapping("/api/members")
@Tag(name = "Members", description = "The study members, named as the notes name the writers")
class MemberController {

    /** What a member's answer shows depends on who asks (their e-mail only to themself and the organizer). */
    private static final ReadCaching CACHING = ReadCaching.PER_CALLER;

    /** The view with the member's personal details, {@code "3.personal"}; the one without them is {@code "3"}. */
    private static final String PERSONAL = "personal";

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    @PostMapping
    @Operation(
            summary = "Join the study group, or add a member",
            description = "A member joins as themself (their account is the new member's). The organizer and the"
                    + " members.write client add anyone, linked to the account they name or to none.")
    @ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity returns; documents it as 201
    ResponseEntity<MemberResponse> join(@Valid @RequestBody JoinMember request) {
        var actor = Actors.current();
        var member = members.join(actor, request.displayName(), request.email(), request.account());
        return VersionedResponses.created(member.id(), tag(member, actor), MemberResponse.of(member, actor));
    }

    /**
     * Found by the caller's account, not by id, so no version is read first: Spring MVC itself answers a matching
     * If-None-Match 304 once the member is loaded, with the same headers.
     */
    @GetMapping("/me")
    @Operation(summary = "The member you are (404 until you have joined)")
    ResponseEntity<MemberResponse> me() {
        var actor = Actors.current();
        return read(members.mine(actor), actor);
    }

    @GetMapping
    @Operation(summary = "List members by display name, a page at a time")
    MemberListResponse list(
            @RequestParam(required = false) @Pattern(regexp = "active|left", message = "must be active or left")
                    String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var wanted = Optional.ofNullable(status).map(s -> MemberStatus.valueOf(s.toUpperCase(Locale.ROOT)));
        return MemberListResponse.of(members.list(wanted, page, size), Actors.current());
    }

    /**
     * Conditional GET (HTTP caching): with an If-None-Match naming the current version in the view this caller
     * gets, 304 without a body, decided from the version and account alone (one small query) without loading the
     * member; otherwise the member, 200.
     */
    @GetMapping("/{memberId}")
    @Operation(summary = "Get a member")
    ResponseEntity<MemberResponse> get(
            @PathVariable UUID memberId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        var viewer = Actors.current();
        if (ifNoneMatch != null) {
            var current = members.version(memberId);
            var tag = tag(current.version(), viewer.maySeePersonalDetailsOf(current));
            if (EntityTags.matches(ifNoneMatch, tag)) {
                return VersionedResponses.notModified(CACHING, tag);
            }
        }
        return read(members.get(memberId), viewer);
    }

    @PutMapping("/{memberId}/display-name")
    @Operation(summary = "Rename a member (not one who has left): yourself, or anyone as the organizer")
    ResponseEntity<MemberResponse> rename(
            @PathVariable UUID memberId,
            @Valid @RequestBody RenameMember request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var actor = Actors.current();
        return withVersion(
                members.rename(actor, memberId, EntityTags.expectedVersion(ifMatch), request.displayName()), actor);
    }

    @PostMapping("/{memberId}/leave")
    @Operation(summary = "Record that a member left the study group: yourself, or anyone as the organizer")
    ResponseEntity<MemberResponse> leave(
            @PathVariable UUID memberId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var actor = Actors.current();
        return withVersion(members.leave(actor, memberId, EntityTags.expectedVersion(ifMatch)), actor);
    }

    private static ResponseEntity<MemberResponse> withVersion(Member member, Actor viewer) {
        return VersionedResponses.ok(tag(member, viewer), MemberResponse.of(member, viewer));
    }

    private static ResponseEntity<MemberResponse> read(Member member, Actor viewer) {
        return VersionedResponses.read(CACHING, tag(member, viewer), MemberResponse.of(member, viewer));
    }

    private static String tag(Member member, Actor viewer) {
        return tag(member.version(), viewer.maySeePersonalDetailsOf(member));
    }

    /**
     * The version, and which view: with or without the personal details are two representations, so two strong
     * tags (RFC 9110 8.8.1), lest a copy kept for the organizer be confirmed (304) to another member.
     */
    private static String tag(long version, boolean personal) {
        return personal ? EntityTags.of(version, PERSONAL) : EntityTags.of(version);
    }
}
