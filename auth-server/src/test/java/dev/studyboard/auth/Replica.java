package dev.studyboard.auth;

import dev.studyboard.testsupport.SharedContainers;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Another auth-server process on the same database: a second replica, or the same one after a restart. */
public final class Replica implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Replica(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static Replica start() {
        return new Replica(new SpringApplicationBuilder(AuthServerApplication.class).run(arguments(true)));
    }

    /** A replica whose keys come from elsewhere than its command line (e.g. files in AUTH_SECRETS_DIR). */
    public static Replica startWithoutKeyArguments(String... more) {
        var arguments = new ArrayList<>(List.of(arguments(false)));
        arguments.addAll(List.of(more));
        return new Replica(
                new SpringApplicationBuilder(AuthServerApplication.class).run(arguments.toArray(String[]::new)));
    }

    /** The command line of a replica, with the signing keys or without them. */
    public static String[] arguments(boolean withKeys) {
        var postgres = SharedContainers.POSTGRES;
        var common = List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.config.additional-location=file:config/demo-accounts.yml",
                "--DB_URL=" + postgres.getJdbcUrl(),
                "--DB_USER=" + postgres.getUsername(),
                "--DB_PASSWORD=" + postgres.getPassword(),
                "--AUTH_ISSUER=" + AuthServerTest.ISSUER,
                "--DEMO_PASSWORD=" + AuthServerTest.PASSWORD,
                "--DEMO_LOADER_CLIENT_SECRET=" + AuthServerTest.DEMO_LOADER_SECRET,
                "--SYNTHETIC_CHECK_CLIENT_SECRET=" + AuthServerTest.SYNTHETIC_CHECK_SECRET,
                "--WEB_CLIENT_SECRET=" + AuthServerTest.WEB_CLIENT_SECRET);
        var keys = List.of(
                "--AUTH_SIGNING_KEY_ID=" + TestKeys.ACTIVE_KEY_ID,
                "--AUTH_SIGNING_PRIVATE_KEY=" + TestKeys.privatePem(TestKeys.ACTIVE),
                "--AUTH_SIGNING_PUBLIC_KEY=" + TestKeys.publicPem(TestKeys.ACTIVE),
                "--AUTH_NEXT_KEY_ID=" + TestKeys.NEXT_KEY_ID,
                "--AUTH_NEXT_PUBLIC_KEY=" + TestKeys.publicPem(TestKeys.NEXT));
        var arguments = new ArrayList<>(common);
        if (withKeys) {
            arguments.addAll(keys);
        }
        return arguments.toArray(String[]::new);
    }

    public String base() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
