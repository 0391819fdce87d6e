-- Identity (issue 11): the account a member signed in with, the token's subject, as member.joined carries it.
-- It links "who calls" to "which member", so a member can take a section for themself. Nullable: members who
-- joined before accounts existed, or whose event came from an older member-service, have none. Still no e-mail:
-- personal data stays in member-service (seed 002, 9.6).
ALTER TABLE member_replica ADD COLUMN account TEXT;

-- One member per account; member-service guarantees it, and this makes a broken promise loud (the event fails
-- and is dead-lettered) instead of letting one sign-in act as two members.
CREATE UNIQUE INDEX member_replica_account ON member_replica (account) WHERE account IS NOT NULL;
