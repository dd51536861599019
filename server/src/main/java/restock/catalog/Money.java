package restock.catalog;

import restock.common.InvalidInput;

import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An amount in the currency's minor units (pence, cents) with its ISO 4217 code. */
public record Money(long amountMinor, String currency) {
    /** A price above this is a typing error, not a product: 100 million major units. */
    public static final long MAX_AMOUNT_MINOR = 10_000_000_000L;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** ISO 4217 as the JDK knows it: a code such as ZZZ would pass the pattern and then fail every price written. */
    private static final Set<String> KNOWN_CURRENCIES = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    public Money {
        if (amountMinor < 0 || amountMinor > MAX_AMOUNT_MINOR) {
            throw new InvalidInput("priceMinor", "priceMinor must be between 0 and " + MAX_AMOUNT_MINOR + ", was " + amountMinor);
        }
        if (currency == null || !CURRENCY.matcher(currency).matches() || !KNOWN_CURRENCIES.contains(currency)) {
            throw new InvalidInput("currency", "currency must be a three-letter ISO 4217 code such as GBP, was '" + currency + "'");
        }
    }
}
