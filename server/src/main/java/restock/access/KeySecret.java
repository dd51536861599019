package restock.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A new key's secret: {@code rk_<scope tag>_} and 256 random bits in URL-safe base64. Only its SHA-256 is stored
 * (a random key that long needs no slow hash), and the first characters serve as a prefix to recognise it by.
 */
public record KeySecret(String secret, String prefix, byte[] sha256) {
    public static final int RANDOM_BYTES = 32;
    /** Random characters shown in the prefix: enough to tell keys apart, far too few to guess the rest. */
    static final int PREFIX_RANDOM_CHARACTERS = 8;

    public static KeySecret generate(Scope scope, SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String head = "rk_" + scope.tag() + "_";
        String secret = head + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new KeySecret(secret, secret.substring(0, head.length() + PREFIX_RANDOM_CHARACTERS), sha256(secret));
    }

    /** The SHA-256 of a presented key's exact bytes: a key differing in one letter's case hashes apart. */
    public static byte[] sha256(String presented) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Never print the secret by accident: records print their components. */
    @Override
    public String toString() {
        return "KeySecret[" + prefix + "...]";
    }
}
