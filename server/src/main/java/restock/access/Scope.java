package restock.access;

import restock.common.InvalidInput;

import java.util.Arrays;
import java.util.Locale;

/** What an API key may do: a shop's storefront, operations staff (everything), or reporting (read only). */
public enum Scope {
    /** Availability, offers and feeds, placing orders, paying for them, and shoppers' own waitlist sign-ups. */
    STOREFRONT("sf", 6_000),
    /** Everything, keys included. */
    OPERATIONS("ops", 6_000),
    /** Every read, no change. */
    REPORTING("rep", 600),
    /**
     * The Merchant feeds only: the key may stand in the feed's URL (/feeds/{key}/google-merchant.xml), since
     * Merchant Center's scheduled fetch cannot send a header. It opens nothing else.
     */
    FEEDS("fd", 120);

    private final String tag;
    private final int defaultRequestsPerMinute;

    Scope(String tag, int defaultRequestsPerMinute) {
        this.tag = tag;
        this.defaultRequestsPerMinute = defaultRequestsPerMinute;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The short tag in a key and its prefix (rk_ops_...), so a key found in a file says what it opens. */
    public String tag() {
        return tag;
    }

    public int defaultRequestsPerMinute() {
        return defaultRequestsPerMinute;
    }

    public static Scope parse(String field, String code) {
        return Arrays.stream(values()).filter(scope -> scope.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInput(field, field + " must be storefront, operations, reporting or feeds, was '" + code + "'"));
    }
}
