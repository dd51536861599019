package restock.catalog;

import restock.common.InvalidInput;

import java.util.regex.Pattern;

/** A stock-keeping unit code: letters, digits, dot, dash and underscore, at most {@value #MAX_LENGTH} characters. */
public record Sku(String code) implements Comparable<Sku> {
    public static final int MAX_LENGTH = restock.common.TextLimit.SKU.maxLength();
    /**
     * A new product's SKU: shopping feeds identify items by SKU and Merchant Center cuts ids at 50 characters, so two
     * longer SKUs could share one id. Products stored before this limit keep their SKUs (and stay out of feeds).
     */
    public static final int MAX_NEW_LENGTH = 50;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Sku {
        if (code == null || code.isEmpty()) {
            throw new InvalidInput("sku", "sku is required");
        }
        if (code.length() > MAX_LENGTH) {
            throw new InvalidInput("sku", "sku '" + code.substring(0, 16) + "...' is longer than " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(code).matches()) {
            throw new InvalidInput("sku", "sku '" + code + "' may hold only ASCII letters and digits (A-Z, a-z, 0-9), '.', '-' and '_', starting with a letter or digit");
        }
    }

    /** Whether shopping feeds can carry this SKU as an item id unchanged. */
    public boolean listable() {
        return code.length() <= MAX_NEW_LENGTH;
    }

    public static Sku of(String code) {
        return new Sku(code);
    }

    /** A SKU of a code that may not be one (a link's query): empty where {@link #of} refuses it. */
    public static java.util.Optional<Sku> parse(String code) {
        return code != null && !code.isEmpty() && code.length() <= MAX_LENGTH && ALLOWED.matcher(code).matches()
                ? java.util.Optional.of(new Sku(code)) : java.util.Optional.empty();
    }

    @Override
    public int compareTo(Sku other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
