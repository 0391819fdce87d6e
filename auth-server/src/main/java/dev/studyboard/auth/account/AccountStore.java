package dev.studyboard.auth.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts in the auth-server's own database (table {@code account}). */
@Repository
public class AccountStore {

    private final JdbcClient jdbc;

    public AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("""
                        select username, password, display_name, email, roles, enabled
                          from account where username = ?""").param(username).query(AccountStore::account).optional();
    }

    /** Creates the account unless one with its username exists; an existing one is left exactly as it is. */
    public boolean createIfAbsent(Account account) {
        return jdbc.sql("""
                        insert into account (username, password, display_name, email, roles, enabled)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (username) do nothing""")
                        .params(
                                account.username(),
                                account.encodedPassword(),
                                account.displayName(),
                                account.email(),
                                account.sortedRoles().stream()
                                        .map(Role::claimValue)
                                        .toArray(String[]::new),
                                account.enabled())
                        .update()
                == 1;
    }

    /** Stores a password encoded anew (a stronger encoding, or a changed password). */
    public void updatePassword(String username, String encodedPassword) {
        jdbc.sql("update account set password = ?, password_changed_at = now() where username = ?")
                .params(encodedPassword, username)
                .update();
    }

    private static Account account(ResultSet row, int rowNumber) throws SQLException {
        return new Account(
                row.getString("username"),
                row.getString("password"),
                row.getString("display_name"),
                row.getString("email"),
                roles(row.getArray("roles")),
                row.getBoolean("enabled"));
    }

    private static java.util.Set<Role> roles(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray())
                .map(Role::fromClaimValue)
                .collect(Collectors.toUnmodifiableSet());
    }
}
