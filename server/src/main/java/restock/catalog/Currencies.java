package restock.catalog;

import restock.common.InvalidInput;

import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The currencies Restock prices in, one rule for the API, the console and imports: an ISO 4217 code, in capital letters,
 * of money some country uses today, as java.util.Currency knows it. ISO 4217 also gives codes to things no shop prices
 * in (XAU gold, XDR, XTS for tests, XXX for no currency) and keeps codes of money withdrawn (DEM, FRF, ESP: the JDK
 * lists them too), so "a code the JDK knows" is not the rule: a code of no country's money today is refused.
 *
 * <p>The rule is for prices being set. What was stored before it (the database holds any three capitals) is read and
 * shown as it is ({@link #isCode}), and refused only when it is edited, with what to do.
 */
public final class Currencies {
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Map<String, Currency> KNOWN = Currency.getAvailableCurrencies().stream()
            .collect(Collectors.toUnmodifiableMap(Currency::getCurrencyCode, Function.identity()));
    /** The money of each country today, as the JDK's data says (Germany's is EUR, no longer DEM). */
    private static final Set<String> IN_USE = Arrays.stream(Locale.getISOCountries())
            .map(Currencies::currencyOf).flatMap(Optional::stream)
            .filter(currency -> currency.getDefaultFractionDigits() >= 0)
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private Currencies() {
    }

    private static Optional<Currency> currencyOf(String country) {
        try {
            return Optional.ofNullable(Currency.getInstance(new Locale("", country)));
        } catch (IllegalArgumentException noCurrencyData) {
            return Optional.empty();
        }
    }

    /** Whether {@code code} is a currency a price may be in now. */
    public static boolean isMoney(String code) {
        return code != null && CODE.matcher(code).matches() && IN_USE.contains(code);
    }

    /** Whether {@code code} has the shape every stored currency has (three capitals, the database's CHECK): what a read takes. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * {@code code} when it {@linkplain #isCode has the shape of one}, as read from what was stored; anything else is
     * refused as {@link #checked} refuses it. Whether it is money to price in now is asked where prices are set.
     */
    public static String code(String field, String code) {
        return isCode(code) ? code : checked(field, code);
    }

    /** How many minor units a code's major unit has (2 for GBP, 0 for JPY), 0 for a stored code that has none or is unknown. */
    public static int minorDigits(String code) {
        Currency known = KNOWN.get(code);
        return known == null ? 0 : Math.max(0, known.getDefaultFractionDigits());
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
        if (KNOWN.containsKey(upper) && KNOWN.get(upper).getDefaultFractionDigits() >= 0) {
            return refuse(field, field + " must be the ISO 4217 code of money in use today, such as GBP, EUR or USD; " + upper + " ("
                    + KNOWN.get(upper).getDisplayName(Locale.UK) + ") is no longer in use");
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
