package restock.catalog;

import restock.common.InvalidInput;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The currencies Restock prices in, one rule for the API, the console and imports: an ISO 4217 code of money, in capital
 * letters, as java.util.Currency knows it. ISO 4217 also gives codes to things no shop prices in (XAU gold, XDR, XTS for
 * tests, XXX for no currency); the JDK gives those no minor units, and a price in minor units needs them.
 */
public final class Currencies {
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Map<String, Currency> KNOWN = Currency.getAvailableCurrencies().stream()
            .collect(Collectors.toUnmodifiableMap(Currency::getCurrencyCode, Function.identity()));

    private Currencies() {
    }

    /** Whether {@code code} is a currency a price may be in. */
    public static boolean isMoney(String code) {
        return code != null && CODE.matcher(code).matches() && KNOWN.containsKey(code) && KNOWN.get(code).getDefaultFractionDigits() >= 0;
    }

    /** {@code code} when it {@linkplain #isMoney is money}, otherwise a refusal of {@code field} that says what to type. */
    public static String checked(String field, String code) {
        if (isMoney(code)) {
            return code;
        }
        String upper = code == null ? "" : code.toUpperCase(Locale.ROOT);
        if (isMoney(upper)) {
            return refuse(field, field + " must be in capital letters, as ISO 4217 writes it: " + upper + ", was '" + code + "'");
        }
        if (KNOWN.containsKey(upper)) {
            return refuse(field, field + " must be the ISO 4217 code of money a shop prices in, such as GBP, EUR or USD; " + upper + " ("
                    + KNOWN.get(upper).getDisplayName(Locale.UK) + ") is a code for a precious metal, a unit of account, a test or no currency");
        }
        return refuse(field, field + " must be a three-letter ISO 4217 code in capital letters, such as GBP, EUR or USD, was '" + code + "'");
    }

    private static String refuse(String field, String message) {
        throw new InvalidInput(field, message);
    }
}
