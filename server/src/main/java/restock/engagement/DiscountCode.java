package restock.engagement;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A single-use, expiring discount code issued to one customer: a percentage off, an optional minimum order and
 * product scope. Only the customer it was issued to may redeem it. Codes carry 80 random bits (16 Crockford
 * base-32 characters), so guessing one is hopeless even before the rate limit.
 */
public record DiscountCode(String code, int percentOff, long minOrderMinor, Optional<String> sku, Instant expiresAt,
                           Optional<Instant> redeemedAt, String issuedTo) {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    public static final int CODE_CHARACTERS = 16;

    public static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_CHARACTERS; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Shoppers type codes loosely: case and dashes do not matter. */
    public static String normalize(String typed) {
        String compact = typed.toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(compact.charAt(i));
        }
        return code.toString();
    }

    /** Whether the code applies, and how much it takes off. */
    public sealed interface Redemption {
        /** The code applies to these SKUs, a percentage off each unit's price. */
        record Accepted(int percentOff, java.util.Set<String> skus) implements Redemption {
            /** What the code takes off one unit of a price: the percentage, rounded down to the minor unit. */
            public long unitDiscountMinor(long unitPriceMinor) {
                return unitPriceMinor * percentOff / 100;
            }
        }

        record Rejected(String reason) implements Redemption {
        }
    }

    /**
     * Checks the code against a customer's order value per SKU (minor units) at a moment. It takes its percentage off
     * each unit's price (rounded down), so a line says its unit price after the code in whole minor units.
     */
    public Redemption redeem(String customerEmail, Map<String, Long> valueMinorBySku, Instant now) {
        if (!issuedTo.equalsIgnoreCase(customerEmail)) {
            return new Redemption.Rejected("this code was issued to another customer");
        }
        if (redeemedAt.isPresent()) {
            return new Redemption.Rejected("this code has already been used");
        }
        if (!now.isBefore(expiresAt)) {
            return new Redemption.Rejected("this code expired on " + expiresAt);
        }
        Map<String, Long> inScope = sku.map(s -> valueMinorBySku.containsKey(s) ? Map.of(s, valueMinorBySku.get(s)) : Map.<String, Long>of())
                .orElse(valueMinorBySku);
        if (inScope.isEmpty()) {
            return new Redemption.Rejected("this code applies only to product " + sku.orElseThrow());
        }
        long total = inScope.values().stream().mapToLong(Long::longValue).sum();
        if (total < minOrderMinor) {
            return new Redemption.Rejected("this code needs an order of at least " + minOrderMinor + " (minor units) on the products it covers");
        }
        return new Redemption.Accepted(percentOff, java.util.Set.copyOf(inScope.keySet()));
    }
}
