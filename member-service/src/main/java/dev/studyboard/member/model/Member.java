package dev.studyboard.member.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A study member: one of the writers the notes name, e.g. 이상경. The entity Spring Data JDBC stores, and
 * the home of the member's rules: a display name is required, and a member who left cannot change.
 *
 * <p>The {@link #account()} links the member to a person who signs in: it is the subject ({@code sub}) of that
 * person's tokens, so "who am I" in every service is this member. The auth-server owns the credentials; a member
 * nobody signs in as has no account.
 *
 * <p>A member an import created ({@link #joinByImport}) remembers it in {@link #importedBy()}, so undoing that
 * import removes exactly the members it created (docs/import-saga.md).
 *
 * <p>{@link #version()} is 0 until the member is stored; Spring Data JDBC then inserts it at 1 (because the
 * field is a primitive {@code long}) and raises it by one on every save, failing the save if another
 * request saved first.
 */
@Table("member")
public class Member {

    public static final int MAX_DISPLAY_NAME_LENGTH = 100;
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_ACCOUNT_LENGTH = 255;

    @Id
    private final UUID id;

    private String displayName;
    private final String email;
    private final String account;
    private MemberStatus status;
    private final Instant joinedAt;
    private Instant leftAt;
    private final UUID importedBy;

    @Version
    private long version;

    @PersistenceCreator
    private Member(
            UUID id,
            String displayName,
            String email,
            String account,
            MemberStatus status,
            Instant joinedAt,
            Instant leftAt,
            UUID importedBy,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = displayName;
        this.email = email;
        this.account = account;
        this.status = Objects.requireNonNull(status, "status");
        this.joinedAt = Objects.requireNonNull(joinedAt, "joinedAt");
        this.leftAt = leftAt;
        this.importedBy = importedBy;
        this.version = version;
    }

    /**
     * A new, not yet stored member: active from {@code at}. Names are trimmed; a blank e-mail means none.
     *
     * @param account the subject of the person's tokens, taken exactly as it is (an identifier), or null for none
     */
    public static Member join(String displayName, String email, String account, Instant at) {
        return join(displayName, email, account, null, at);
    }

    /**
     * A new, not yet stored member, joined because the notes of import {@code importId} name them as a writer: the
     * same rules as {@link #join}, and no e-mail (notes have none).
     */
    public static Member joinByImport(String displayName, String account, UUID importId, Instant at) {
        return join(displayName, null, account, Objects.requireNonNull(importId, "importId"), at);
    }

    private static Member join(String displayName, String email, String account, UUID importedBy, Instant at) {
        return new Member(
                UUID.randomUUID(),
                checkedDisplayName(displayName),
                checkedEmail(email),
                checkedAccount(account),
                MemberStatus.ACTIVE,
                at,
                null,
                importedBy,
                0);
    }

    public void rename(String newDisplayName) {
        requireActive();
        displayName = checkedDisplayName(newDisplayName);
    }

    public void leave(Instant at) {
        requireActive();
        status = MemberStatus.LEFT;
        leftAt = Objects.requireNonNull(at, "at");
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    /** The subject of the tokens of the person who is this member, if someone signs in as them. */
    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    /** Whether the person signed in as {@code account} is this member. */
    public boolean belongsTo(String account) {
        return this.account != null && this.account.equals(account);
    }

    public MemberStatus status() {
        return status;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public Optional<Instant> leftAt() {
        return Optional.ofNullable(leftAt);
    }

    /** The import that created this member; empty for a member who joined any other way. */
    public Optional<UUID> importedBy() {
        return Optional.ofNullable(importedBy);
    }

    public boolean wasImportedBy(UUID importId) {
        return importedBy != null && importedBy.equals(importId);
    }

    public long version() {
        return version;
    }

    private void requireActive() {
        if (status == MemberStatus.LEFT) {
            throw new MemberHasLeftException(id);
        }
    }

    private static String checkedDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidMemberException("displayName", "must not be blank");
        }
        var trimmed = displayName.strip();
        if (trimmed.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new InvalidMemberException(
                    "displayName", "must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    private static String checkedAccount(String account) {
        if (account == null) {
            return null;
        }
        if (account.isBlank()) {
            throw new InvalidMemberException("account", "must not be blank");
        }
        if (account.length() > MAX_ACCOUNT_LENGTH) {
            throw new InvalidMemberException("account", "must be at most " + MAX_ACCOUNT_LENGTH + " characters");
        }
        return account;
    }

    private static String checkedEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        var trimmed = email.strip();
        if (trimmed.length() > MAX_EMAIL_LENGTH) {
            throw new InvalidMemberException("email", "must be at most " + MAX_EMAIL_LENGTH + " characters");
        }
        return trimmed;
    }
}
