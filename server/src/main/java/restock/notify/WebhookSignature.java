package restock.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Signs webhook bodies Stripe-style and verifies them: the header {@code Restock-Signature: t=<unix seconds>,v1=<hex>}
 * where v1 is HMAC-SHA256 of {@code "<t>.<body>"} with the endpoint's secret; while a rotated secret is in its grace
 * period the header carries one v1 per secret ({@code t=..,v1=<new>,v1=<old>}) and a signature by either is genuine.
 * Receivers call {@link #verify} (the docs give it) and reject old timestamps, so a captured request cannot be
 * replayed later.
 */
public final class WebhookSignature {
    public static final String HEADER = "Restock-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    public static String header(String secret, Instant timestamp, String body) {
        return header(java.util.List.of(secret), timestamp, body);
    }

    /** The header signed by each secret, in order (the endpoint's own first). */
    public static String header(java.util.List<String> secrets, Instant timestamp, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook is signed with at least one secret");
        }
        long t = timestamp.getEpochSecond();
        StringBuilder header = new StringBuilder("t=").append(t);
        for (String secret : secrets) {
            header.append(",v1=").append(HexFormat.of().formatHex(hmac(secret, t + "." + body)));
        }
        return header.toString();
    }

    /** True only when one of the header's v1 signatures is genuine and its timestamp is within the tolerance of now. */
    public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long t = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                try {
                    t = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (t == null || signatures.isEmpty() || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, t + "." + body);
        for (String v1 : signatures) {
            try {
                if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not hex: not this one; another v1 may be genuine
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
