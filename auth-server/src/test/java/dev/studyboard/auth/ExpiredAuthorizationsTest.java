package dev.studyboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AuthServerTest
@DisplayName("Expired and unfinished authorizations are removed from the database")
class ExpiredAuthorizationsTest {

    @Autowired
    ExpiredAuthorizations cleanup;

    @Autowired
    JdbcClient jdbc;

    /** An authorization that began days ago: its age does not matter while a token of it is still good. */
    private String authorization(Instant accessTokenExpiresAt, Instant refreshTokenExpiresAt) {
        var id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into oauth2_authorization (id, registered_client_id, principal_name,
                            authorization_grant_type, access_token_value, access_token_expires_at,
                            refresh_token_value, refresh_token_expires_at, created_at)
                        values (?, 'some-client', 'someone', 'authorization_code', 'a', ?, 'r', ?, ?)""")
                .params(
                        id,
                        Timestamp.from(accessTokenExpiresAt),
                        timestamp(refreshTokenExpiresAt),
                        Timestamp.from(Instant.now().minus(Duration.ofDays(3))))
                .update();
        return id;
    }

    /** An authorization request that never got further than its state (abandoned at the login or consent page). */
    private String unfinished(Instant createdAt) {
        var id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into oauth2_authorization (id, registered_client_id, principal_name,
                            authorization_grant_type, state, created_at)
                        values (?, 'some-client', 'someone', 'authorization_code', ?, ?)""")
                .params(id, UUID.randomUUID().toString(), Timestamp.from(createdAt))
                .update();
        return id;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private boolean exists(String id) {
        return jdbc.sql("select count(*) from oauth2_authorization where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    @Test
    @DisplayName("once every token of it has expired (and an hour has passed), not before")
    void removesOnlyExpired() {
        // given
        var now = Instant.now();
        var longExpired = authorization(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        var refreshable = authorization(now.minus(Duration.ofDays(2)), now.plus(Duration.ofHours(7)));
        var justExpired = authorization(now.minus(Duration.ofMinutes(5)), null);

        // when
        cleanup.removeExpired();

        // then
        assertThat(exists(longExpired)).isFalse();
        assertThat(exists(refreshable)).isTrue();
        assertThat(exists(justExpired)).isTrue();
    }

    @Test
    @DisplayName("an unfinished one (only a state, nothing issued, so no expiry) once it is an hour old, not before")
    void removesAbandoned() {
        // given
        var now = Instant.now();
        var abandoned = unfinished(now.minus(Duration.ofHours(2)));
        var inProgress = unfinished(now.minus(Duration.ofMinutes(5)));

        // when
        cleanup.removeExpired();

        // then
        assertThat(exists(abandoned)).isFalse();
        assertThat(exists(inProgress)).isTrue();
    }
}
