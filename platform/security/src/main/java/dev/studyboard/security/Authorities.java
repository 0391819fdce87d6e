package dev.studyboard.security;

/**
 * The authorities a Study Board token can carry, as Spring Security names them: a person's roles (the token's
 * {@code roles} claim) and a machine client's scopes (its {@code scope} claim). A person-facing client is never
 * granted an API scope, so what a person may do follows from their roles alone.
 */
public final class Authorities {

    /** A study member: may change what is their own. */
    public static final String MEMBER = "ROLE_MEMBER";

    /** The organizer: runs the catalog and the group, may change anyone's work. */
    public static final String ORGANIZER = "ROLE_ORGANIZER";

    /** The demo-loader's scopes: it loads the notes. */
    public static final String CATALOG_WRITE = "SCOPE_catalog.write";

    public static final String MEMBERS_WRITE = "SCOPE_members.write";
    public static final String PROGRESS_WRITE = "SCOPE_progress.write";

    /** The demo-loader's scope for bringing a study board in through the import saga. */
    public static final String IMPORTS_WRITE = "SCOPE_imports.write";

    /** The synthetic check's scope: it may read, nothing else. */
    public static final String STUDYBOARD_READ = "SCOPE_studyboard.read";

    private Authorities() {}
}
