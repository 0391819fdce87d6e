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
 * Removes the authorizations that can no longer be used: Spring Authorization Server keeps each one (a row per
 * sign-in, per device flow, per machine token) and never deletes it. One whose every code and token has expired goes
 * a while after the last expiry; an unfinished one (an authorization request abandoned at the login or consent page:
 * only a {@code state}, nothing issued, so no expiry) a while after it began ({@code created_at}, V4). Replicas may
 * all run it; deleting the same rows twice does no harm.
 */
@Component
@EnableScheduling
class ExpiredAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizations.class);

    private final JdbcClient jdbc;
    private final Duration expiredKeptFor;
    private final Duration unfinishedKeptFor;

    ExpiredAuthorizations(
            JdbcClient jdbc,
            @Value("${studyboard.auth.expired-authorizations-kept-for:1h}") Duration expiredKeptFor,
            @Value("${studyboard.auth.unfinished-authorizations-kept-for:1h}") Duration unfinishedKeptFor) {
        this.jdbc = jdbc;
        this.expiredKeptFor = expiredKeptFor;
        this.unfinishedKeptFor = unfinishedKeptFor;
    }

    @Scheduled(
            initialDelayString = "${studyboard.auth.expired-authorizations-cleanup-every:15m}",
            fixedDelayString = "${studyboard.auth.expired-authorizations-cleanup-every:15m}")
    int removeExpired() {
        // greatest() ignores the tokens an authorization never had, and is null when it had none at all: then its
        // age decides.
        int removed = jdbc.sql("""
                        delete from oauth2_authorization
                         where coalesce(greatest(authorization_code_expires_at, access_token_expires_at,
                                                 oidc_id_token_expires_at, refresh_token_expires_at,
                                                 user_code_expires_at, device_code_expires_at)
                                          + make_interval(secs => :expiredKeptFor),
                                        created_at + make_interval(secs => :unfinishedKeptFor))
                               < now()""")
                .param("expiredKeptFor", expiredKeptFor.toSeconds())
                .param("unfinishedKeptFor", unfinishedKeptFor.toSeconds())
                .update();
        if (removed > 0) {
            log.info("Removed {} expired or unfinished authorizations", removed);
        }
        return removed;
    }
}
