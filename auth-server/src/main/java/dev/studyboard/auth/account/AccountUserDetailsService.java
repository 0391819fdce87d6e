package dev.studyboard.auth.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * The login form's view of the accounts. Spring's {@link User} (not a class of ours), so the signed-in person can
 * be stored with an authorization (JSON) and in the login session (JDBC) and read back by any replica.
 *
 * <p>As a {@link UserDetailsPasswordService}, it lets Spring Security re-encode a password at login when the
 * encoder's default has become stronger than the one it was stored with.
 */
@Service
public class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AccountStore accounts;

    public AccountUserDetailsService(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(username)
                .map(AccountUserDetailsService::user)
                // Spring Security still spends a password check on an unknown name, so timing does not tell it.
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
        accounts.updatePassword(user.getUsername(), newEncodedPassword);
        return User.withUserDetails(user).password(newEncodedPassword).build();
    }

    private static UserDetails user(Account account) {
        return User.withUsername(account.username())
                .password(account.encodedPassword())
                .authorities(account.sortedRoles().stream().map(Role::authority).toArray(String[]::new))
                .disabled(!account.enabled())
                .build();
    }
}
