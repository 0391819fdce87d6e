package dev.studyboard.auth.account;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the configured accounts at start, once: an account that exists already is left as it is, so a restart
 * neither duplicates it nor resets a password its owner changed, and the database stays the one truth about it.
 */
@Component
class SeedAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedAccounts.class);

    /** The token subject and member-service's {@code account}: lower case, no spaces, nothing to escape. */
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    private final AccountProperties properties;
    private final AccountStore accounts;
    private final PasswordEncoder passwordEncoder;

    SeedAccounts(AccountProperties properties, AccountStore accounts, PasswordEncoder passwordEncoder) {
        this.properties = properties;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        // Checked before the application is ready, so a typo stops the start instead of surprising at login.
        properties.accounts().forEach(SeedAccounts::check);
    }

    @Override
    public void run(ApplicationArguments args) {
        for (var seed : properties.accounts()) {
            var account = new Account(
                    seed.username(),
                    passwordEncoder.encode(seed.password()),
                    seed.displayName(),
                    StringUtils.hasText(seed.email()) ? seed.email() : null,
                    new LinkedHashSet<>(
                            seed.roles().stream().map(Role::fromClaimValue).toList()),
                    true);
            if (accounts.createIfAbsent(account)) {
                log.info("Created account {} with roles {}", account.username(), seed.roles());
            } else {
                log.info("Account {} exists: left as it is", account.username());
            }
        }
    }

    private static void check(AccountProperties.Seed seed) {
        var name = seed.username();
        if (name == null || !USERNAME.matcher(name).matches()) {
            throw new IllegalStateException(
                    "studyboard.auth.accounts: username '" + name + "' must match " + USERNAME.pattern());
        }
        if (!StringUtils.hasText(seed.password())) {
            throw new IllegalStateException("studyboard.auth.accounts: no password for " + name
                    + " (docker compose gives the demo accounts DEMO_PASSWORD)");
        }
        if (!StringUtils.hasText(seed.displayName())) {
            throw new IllegalStateException("studyboard.auth.accounts: no display-name for " + name);
        }
        List<String> roles = seed.roles() == null ? List.of() : seed.roles();
        if (roles.isEmpty()) {
            throw new IllegalStateException("studyboard.auth.accounts: no roles for " + name);
        }
        for (var role : roles) {
            try {
                Role.fromClaimValue(role);
            } catch (IllegalArgumentException unknown) {
                throw new IllegalStateException("studyboard.auth.accounts: " + name + ": " + unknown.getMessage());
            }
        }
    }
}
