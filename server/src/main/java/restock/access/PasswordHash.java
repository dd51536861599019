package restock.access;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A staff password as stored: PBKDF2 with HMAC-SHA-256 from the JDK, a random salt per password, and the iteration
 * count kept in the text ({@code pbkdf2-sha256$<iterations>$<salt>$<hash>}) so it can be raised later without
 * invalidating older hashes.
 */
public final class PasswordHash {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 256;
    static final int SALT_BYTES = 16;
    static final int HASH_BITS = 256;
    private static final String PREFIX = "pbkdf2-sha256";
    /** Verifying against a stored hash with more iterations than this is refused: a tampered row must not stall logins. */
    static final int MAX_ITERATIONS = 10_000_000;
    /** The fewest iterations a new hash is made with (the tests' cost). */
    static final int MIN_ITERATIONS = 1_000;

    /**
     * The iterations a new hash is made with: {@link #PRODUCTION} everywhere Restock runs. A hash keeps its own count,
     * so verifying reads it from the stored text; the test suite makes its staff users at {@link #FOR_TESTS}, because
     * its console tests sign in about a hundred times and each production hash takes 1-5 s of CPU under the tests'
     * C1-only JVM (docs/BENCHMARKS.md, "Test suite time").
     */
    public record Cost(int iterations) {
        public static final Cost PRODUCTION = new Cost(ITERATIONS);
        public static final Cost FOR_TESTS = new Cost(MIN_ITERATIONS);

        public Cost {
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("a password hash needs " + MIN_ITERATIONS + " to " + MAX_ITERATIONS + " iterations, not " + iterations);
            }
        }
    }

    private PasswordHash() {
    }

    /** The stored form of a new password at the production cost; refuses one too short or too long to be a password. */
    public static String hash(char[] password, SecureRandom random) {
        return hash(password, random, Cost.PRODUCTION);
    }

    /** The stored form of a new password made with {@code cost}'s iterations, which the text keeps. */
    public static String hash(char[] password, SecureRandom random, Cost cost) {
        requireAcceptable(password);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return PREFIX + "$" + cost.iterations() + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, cost.iterations()));
    }

    /** Whether a presented password matches the stored hash, compared in constant time. */
    public static boolean matches(char[] presented, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " password hash");
        }
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("password hash with " + iterations + " iterations; the limit is " + MAX_ITERATIONS);
        }
        if (presented.length == 0 || presented.length > MAX_PASSWORD_LENGTH) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(presented, Base64.getDecoder().decode(parts[2]), iterations));
    }

    /** Throws a message that says what a password needs when this one falls short. */
    public static void requireAcceptable(char[] password) {
        if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
            throw new restock.common.InvalidInput("password", "a password needs " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH
                    + " characters, this one has " + password.length);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
