package dev.studyboard.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The auth-server on a random port against the shared real PostgreSQL, configured as docker compose runs it: the
 * demo accounts from {@code config/demo-accounts.yml}, client secrets and keys from the environment's names, and an
 * issuer that is not the address the tests reach it at (as {@code http://localhost:9000} is not, inside compose).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.additional-location=file:config/demo-accounts.yml",
            "management.server.port=0",
            "AUTH_ISSUER=" + AuthServerTest.ISSUER,
            "DEMO_PASSWORD=" + AuthServerTest.PASSWORD,
            "DEMO_LOADER_CLIENT_SECRET=" + AuthServerTest.DEMO_LOADER_SECRET,
            "SYNTHETIC_CHECK_CLIENT_SECRET=" + AuthServerTest.SYNTHETIC_CHECK_SECRET,
            "WEB_CLIENT_SECRET=" + AuthServerTest.WEB_CLIENT_SECRET
        })
@Import({SharedPostgres.class, TestKeys.class})
public @interface AuthServerTest {

    String ISSUER = "http://auth.studyboard.test:9000";
    String PASSWORD = "test-only-password";
    String DEMO_LOADER_SECRET = "test-only-demo-loader-secret";
    String SYNTHETIC_CHECK_SECRET = "test-only-synthetic-check-secret";
    String WEB_CLIENT_SECRET = "test-only-web-client-secret";
    String SWAGGER_REDIRECT = "http://localhost:8080/swagger-ui/oauth2-redirect.html";
}
