package restock.catalog;

import restock.common.InvalidInput;

/**
 * An amount in the currency's minor units (pence, cents) with its ISO 4217 code: any code as stored (three capitals), as
 * a price read back may be in one set before today's rule; a price being set is held to {@link Currencies#checked}.
 */
public record Money(long amountMinor, String currency) {
    /** A price above this is a typing error, not a product: 100 million major units. */
    public static final long MAX_AMOUNT_MINOR = 10_000_000_000L;

    public Money {
        if (amountMinor < 0 || amountMinor > MAX_AMOUNT_MINOR) {
            throw new InvalidInput("priceMinor", "priceMinor must be between 0 and " + MAX_AMOUNT_MINOR + ", was " + amountMinor);
        }
        Currencies.code("currency", currency);
    }
}
