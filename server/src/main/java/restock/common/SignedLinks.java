package restock.common;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed, expiring, single-purpose tokens for links sent to customers (cancel an order, pay for a line): the
 * purpose, the id and the expiry are signed with HMAC-SHA256, so a token cannot be forged, stretched or used
 * for another order or another purpose. Single use is the caller's to record.
 */
public final class SignedLinks {
    /** Secrets shorter than this are guessable. */
    public static final int MIN_SECRET_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;

    public SignedLinks(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("link secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.secret = secret.clone();
    }

    /** What a valid token grants. */
    public record Grant(String purpose, long id, Instant expiresAt) {
    }

    public String sign(String purpose, long id, Instant expiresAt) {
        String payload = purpose + "." + id + "." + expiresAt.getEpochSecond();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The grant of a genuine, unexpired token for this purpose; empty for anything else. */
    public Optional<Grant> verify(String token, String purpose, Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] payloadBytes = DECODER.decode(parts[0]);
            byte[] signature = DECODER.decode(parts[1]);
            // One encoding per token: padding, other alphabets or stray low bits in the last character decode to the
            // same bytes, and would otherwise pass as a different, never-used link (single use is kept by token).
            if (!ENCODER.encodeToString(payloadBytes).equals(parts[0]) || !ENCODER.encodeToString(signature).equals(parts[1])) {
                return Optional.empty();
            }
            String payload = new String(payloadBytes, StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            String[] fields = payload.split("\\.");
            if (fields.length != 3 || !fields[0].equals(purpose)) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[2]));
            if (!now.isBefore(expiresAt)) {
                return Optional.empty();
            }
            return Optional.of(new Grant(fields[0], Long.parseLong(fields[1]), expiresAt));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a genuine token has expired (to tell a customer so, rather than "invalid"). */
    public boolean expired(String token, String purpose, Instant now) {
        return verify(token, purpose, Instant.EPOCH).filter(grant -> !now.isBefore(grant.expiresAt())).isPresent();
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
