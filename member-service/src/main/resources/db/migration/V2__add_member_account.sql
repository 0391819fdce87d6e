-- The person who is this member (issue 11): the subject of their tokens, set when they join as themself or when
-- the organizer links them. NULL for a member nobody signs in as; one member per account (NULLs never collide).
ALTER TABLE member ADD COLUMN account TEXT;

CREATE UNIQUE INDEX member_account ON member (account);
