package dev.studyboard.auth.key;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The RSA keys, as PEM text ({@code studyboard.auth.signing-keys[i]}), so an environment variable, a file of a
 * Secret (config tree) or a vault can carry them. The first one signs and needs its private half; the others are
 * published only, for rotation: the next key is announced before it signs, and the previous one stays until the
 * last token it signed has expired.
 */
@ConfigurationProperties("studyboard.auth")
public record SigningKeyProperties(@DefaultValue List<Key> signingKeys) {

    /**
     * @param keyId the {@code kid} in the JWKS and in every token it signs
     * @param privateKey PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); only for the first, signing key
     * @param publicKey X.509 PEM ({@code -----BEGIN PUBLIC KEY-----})
     */
    public record Key(String keyId, String privateKey, String publicKey) {}
}
