package dev.studyboard.member.service;

import dev.studyboard.member.model.Member;
import dev.studyboard.member.model.MemberVersion;

/**
 * Who asks for a member use case, as the web layer read it from the verified token. The service layer decides
 * with it alone, so the rules of who may do what stay plain Java and are tested without tokens.
 *
 * @param account       the token's subject: a person's account, or a machine client's id
 * @param member        a study member (role {@code member}): may join as themself and change their own membership
 * @param organizer     the organizer (role {@code organizer}): may add, rename and remove anyone, sees e-mails
 * @param membersWriter a machine client granted {@code members.write} (the demo-loader): may add, rename and remove
 *                      anyone, but sees no e-mail
 */
public record Actor(String account, boolean member, boolean organizer, boolean membersWriter) {

    /** Adds anyone, linked to any account or none, and renames or removes anyone. */
    public boolean managesMembers() {
        return organizer || membersWriter;
    }

    /** The person signed in is this member. A machine client never is, whatever its id. */
    public boolean is(Member other) {
        return (member || organizer) && other.belongsTo(account);
    }

    /** May rename the member or record that they left: themself, or whoever manages members. */
    public boolean mayChange(Member other) {
        return managesMembers() || is(other);
    }

    /**
     * Be frugal (Building Microservices 9.6): a member's personal details, their e-mail and account, are shown
     * only to that member and to the organizer; others, machine clients included, do not need them.
     */
    public boolean maySeePersonalDetailsOf(Member other) {
        return organizer || is(other);
    }

    /** The same, knowing only the member's version and account: a conditional read, without loading the member. */
    public boolean maySeePersonalDetailsOf(MemberVersion other) {
        return organizer
                || (member && other.account() != null && other.account().equals(account));
    }
}
