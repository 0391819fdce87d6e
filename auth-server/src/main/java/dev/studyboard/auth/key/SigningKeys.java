package dev.studyboard.auth.key;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.util.StringUtils;

/**
 * The keys the tokens are signed with, from configuration only: never generated at start, so a restart or a second
 * replica signs with the same key and every token issued before stays valid. PEM is read by Spring Security's
 * converters and signing is Nimbus's: no cryptography of our own (Building Microservices 9.8).
 */
@Configuration(proxyBeanMethods = false)
public class SigningKeys {

    static final String NO_KEY = "No signing key configured: set AUTH_SIGNING_KEY_ID, AUTH_SIGNING_PRIVATE_KEY (PKCS#8"
            + " PEM) and AUTH_SIGNING_PUBLIC_KEY (X.509 PEM), as environment variables or as files in AUTH_SECRETS_DIR"
            + " (studyboard.auth.signing-keys[0].*). The auth-server never makes up a key of its own.";

    /** The keys for the JWKS endpoint (public halves only) and for signing (the first one's private half). */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(List.copyOf(keys(properties))));
    }

    /** Signs with the one key that has a private half; the other keys match the token's algorithm too. */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        var encoder = new NimbusJwtEncoder(jwkSource);
        encoder.setJwkSelector(candidates -> candidates.stream()
                .filter(JWK::isPrivate)
                .findFirst()
                .orElseThrow(() -> new JwtEncodingException("No private key among " + candidates.size())));
        return encoder;
    }

    static List<RSAKey> keys(SigningKeyProperties properties) {
        var configured = properties.signingKeys().stream()
                .filter(key -> StringUtils.hasText(key.keyId())
                        || StringUtils.hasText(key.privateKey())
                        || StringUtils.hasText(key.publicKey()))
                .toList();
        if (configured.isEmpty() || !StringUtils.hasText(configured.get(0).privateKey())) {
            throw new IllegalStateException(NO_KEY);
        }
        List<RSAKey> keys = new ArrayList<>();
        var keyIds = new HashSet<String>();
        for (int i = 0; i < configured.size(); i++) {
            var key = configured.get(i);
            var name = "studyboard.auth.signing-keys[" + i + "]";
            if (!StringUtils.hasText(key.keyId()) || !keyIds.add(key.keyId())) {
                throw new IllegalStateException(name + ": every key needs its own key-id, got '" + key.keyId() + "'");
            }
            if (!StringUtils.hasText(key.publicKey())) {
                throw new IllegalStateException(name + " (" + key.keyId() + "): no public-key");
            }
            var publicKey = read(name + ".public-key", key.publicKey(), RsaKeyConverters.x509());
            var jwk = new RSAKey.Builder(publicKey)
                    .keyID(key.keyId())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256);
            if (i == 0) {
                // Only the active key's private half is loaded; a later key's is not needed, so not held.
                var privateKey = read(name + ".private-key", key.privateKey(), RsaKeyConverters.pkcs8());
                if (!privateKey.getModulus().equals(publicKey.getModulus())) {
                    throw new IllegalStateException(
                            name + " (" + key.keyId() + "): the public key is not the private key's other half");
                }
                jwk.privateKey(privateKey);
            }
            keys.add(jwk.build());
        }
        return keys;
    }

    private static <K> K read(String name, String pem, Converter<InputStream, K> converter) {
        // An environment variable may hold the PEM on one line with literal \n between its lines.
        var text = pem.strip().replace("\\n", "\n");
        try {
            return converter.convert(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException(
                    name + " is not a PEM RSA key of the expected kind: " + unreadable.getMessage(), unreadable);
        }
    }
}
