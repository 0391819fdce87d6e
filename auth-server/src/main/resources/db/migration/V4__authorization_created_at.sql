-- Added to Spring Authorization Server's schema: when an authorization began. One that was never finished (an
-- authorization request abandoned at the login or consent page) has a state but no code or token, so no expiry;
-- ExpiredAuthorizations deletes it by its age instead. Spring's JdbcOAuth2AuthorizationService names its columns,
-- so it neither writes nor reads this one: the default fills it in.
ALTER TABLE oauth2_authorization ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
