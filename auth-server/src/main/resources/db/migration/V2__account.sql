-- The people who can sign in. The username is the subject (sub) of their tokens and member-service's
-- member.account; the password is stored encoded by Spring Security's DelegatingPasswordEncoder ({bcrypt}...).
-- email: the identity provider's contact for the person, only ever in the ID token with the email scope (see
-- Account); member-service's member e-mail is the study group's, and neither is copied from the other.
CREATE TABLE account (
    username            varchar(64)  PRIMARY KEY,
    password            varchar(500) NOT NULL,
    display_name        varchar(200) NOT NULL,
    email               varchar(320),
    roles               text[]       NOT NULL CHECK (cardinality(roles) > 0),
    enabled             boolean      NOT NULL DEFAULT true,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    password_changed_at timestamptz  NOT NULL DEFAULT now()
);
