package dev.studyboard.auth;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Two RSA key pairs made for this test run, handed to the auth-server as a deployment would: PEM text in
 * AUTH_SIGNING_KEY_ID / AUTH_SIGNING_PRIVATE_KEY / AUTH_SIGNING_PUBLIC_KEY, and the next key's public half in
 * AUTH_NEXT_KEY_ID / AUTH_NEXT_PUBLIC_KEY.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestKeys {

    public static final String ACTIVE_KEY_ID = "test-active";
    public static final String NEXT_KEY_ID = "test-next";
    public static final KeyPair ACTIVE = generate();
    public static final KeyPair NEXT = generate();

    @Bean
    DynamicPropertyRegistrar testSigningKeys() {
        return registry -> {
            registry.add("AUTH_SIGNING_KEY_ID", () -> ACTIVE_KEY_ID);
            registry.add("AUTH_SIGNING_PRIVATE_KEY", () -> privatePem(ACTIVE));
            registry.add("AUTH_SIGNING_PUBLIC_KEY", () -> publicPem(ACTIVE));
            registry.add("AUTH_NEXT_KEY_ID", () -> NEXT_KEY_ID);
            registry.add("AUTH_NEXT_PUBLIC_KEY", () -> publicPem(NEXT));
        };
    }

    public static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8, as {@code openssl genpkey -algorithm RSA} writes it. */
    public static String privatePem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    /** X.509 SubjectPublicKeyInfo, as {@code openssl pkey -pubout} writes it. */
    public static String publicPem(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        var base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
