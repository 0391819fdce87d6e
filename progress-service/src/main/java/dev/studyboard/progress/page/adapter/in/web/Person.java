package dev.studyboard.progress.page.adapter.in.web;

import dev.studyboard.security.Caller;

/**
 * Who a page is for, as its header shows them: the person whose token the gateway relayed, or an anonymous visitor.
 *
 * @param organizer sees the link to import a study board
 */
record Person(boolean signedIn, String name, boolean organizer) {

    static final Person ANONYMOUS = new Person(false, null, false);

    static Person current() {
        return Caller.current()
                .filter(Caller::isPerson)
                .map(caller -> new Person(true, caller.name().orElse(caller.subject()), caller.isOrganizer()))
                .orElse(ANONYMOUS);
    }
}
