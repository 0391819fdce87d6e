package dev.studyboard.auth;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the authorizations whose every code and token has expired: Spring Authorization Server keeps each one (a
 * row per sign-in, per device flow, per machine token) and never deletes it. Replicas may all run it; deleting the
 * same rows twice does no harm.
 */
@Component
@EnableScheduling
class ExpiredAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizations.class);

    private final JdbcClient jdbc;
    private final Duration grace;

    ExpiredAuthorizations(
            JdbcClient jdbc, @Value("${studyboard.auth.expired-authorizations-kept-for:1h}") Duration grace) {
        this.jdbc = jdbc;
        this.grace = grace;
    }

    @Scheduled(
            initialDelayString = "${studyboard.auth.expired-authorizations-cleanup-every:15m}",
            fixedDelayString = "${studyboard.auth.expired-authorizations-cleanup-every:15m}")
    int removeExpired() {
        // greatest() ignores the tokens an authorization never had; one with none at all is left alone
        int removed = jdbc.sql("""
                        delete from oauth2_authorization
                         where greatest(authorization_code_expires_at, access_token_expires_at,
                                        oidc_id_token_expires_at, refresh_token_expires_at,
                                        user_code_expires_at, device_code_expires_at)
                               < now() - make_interval(secs => ?)""").param(grace.toSeconds()).update();
        if (removed > 0) {
            log.info("Removed {} expired authorizations", removed);
        }
        return removed;
    }
}
