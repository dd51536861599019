package restock.web;

import restock.allocation.SkuBook;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Supplier;
import restock.common.InvalidInput;
import restock.purchasing.PurchaseOrderRequest;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The numbers the console's forms (and the shop demo's) take: each rule is fed by the named limit it enforces, and one
 * sentence states a rule whole, its limits included, whatever was wrong with the value. A count past its limit was told
 * it was not a whole number, a lead time of 0 that it may be 0, and a JPY price that it may have "0 decimals, such as
 * 12.99" (an outside check). A refusal starts with the field as the form sends it, so the form puts its label there
 * ({@link ConsoleForm}).
 */
final class FormNumbers {
    /** Longest value a refusal repeats back; longer ones are cut with an ellipsis (the value is the sender's). */
    static final int MAX_VALUE_SHOWN = 40;
    /** Digits of a whole number read as a number: more than any limit here has, and no more than a long holds. */
    private static final int MAX_WHOLE_DIGITS = 18;
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1," + MAX_WHOLE_DIGITS + "}");
    /**
     * A whole number grouped by threes with commas, as every console page prints one ("12,345"): it was refused though the
     * pages show numbers so (an outside check). At most {@link #MAX_WHOLE_DIGITS} digits, as a plain one.
     */
    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(,[0-9]{3}){1," + (MAX_WHOLE_DIGITS / 3 - 1) + "}");
    /** What looks like a grouped number but is not one: "1,00", "1.000" (a thousand, or one with decimals?). */
    private static final Pattern SEPARATED = Pattern.compile("[0-9]+([.,][0-9]*)+|[.,][0-9][0-9.,]*");
    /**
     * A plain decimal amount: digits, and a point with digits after it. BigDecimal also reads "1e3" (1000), "+5" and
     * ".5", which the rule ("such as 12.99") does not describe: "1e3" saved 1000.00 GBP (an outside check).
     */
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    /** The example amount of a price's rule, in minor units: 12.99 in GBP, 1299 in JPY. */
    private static final long EXAMPLE_PRICE_MINOR = 1299;

    /** Units counted on the shelf: anything on hand may be. */
    static final Whole COUNTED = new Whole("units", 0, SkuBook.MAX_UNITS_ON_HAND);
    static final Whole LEAD_TIME = new Whole("days", 1, Supplier.MAX_LEAD_TIME_DAYS);
    static final Whole MINIMUM_ORDER = new Whole("units", 0, Supplier.MAX_MINIMUM_ORDER);
    static final Whole PACK_SIZE = new Whole("units", 1, Supplier.MAX_PACK_SIZE);
    /** Units of a purchase order line, on the new purchase order form or a planning suggestion. */
    static final Whole ORDERED = new Whole("units", 1, PurchaseOrderRequest.MAX_UNITS_PER_LINE);
    /** Units arriving on a purchase order line: 0 is none, and the line is left out of the receipt. */
    static final Whole ARRIVING = new Whole("units", 0, PurchaseOrderRequest.MAX_UNITS_PER_LINE);
    static final Whole CAP = new Whole("units", 0, BackorderPolicy.MAX_CAP);
    static final Whole SHOP_QUANTITY = new Whole("units", 1, ShopDemo.MAX_QUANTITY);

    private FormNumbers() {
    }

    /** A whole number of {@code unit} from {@code min} to {@code max}, both included. */
    record Whole(String unit, int min, int max) {
        Whole {
            if (min < 0 || min > max) {
                throw new IllegalArgumentException("a whole number rule needs 0 <= min <= max, was " + min + " to " + max);
            }
        }

        /** The value as a number; a value that is not one within the limits is refused at {@code field} with the rule. */
        int read(String field, String value) {
            String typed = value == null ? "" : value.strip();
            if (WHOLE.matcher(typed).matches() || GROUPED.matcher(typed).matches()) {
                long number = Long.parseLong(typed.replace(",", ""));
                if (number >= min && number <= max) {
                    return (int) number;
                }
            }
            String grouping = SEPARATED.matcher(typed).matches() && !GROUPED.matcher(typed).matches()
                    ? "; a comma may only group digits by threes, as in 1,000 or 12,345, and a point is not taken (1.000 could be one or a thousand)" : "";
            throw new InvalidInput(field, field + " must be " + rule() + ", was '" + shown(value) + "'" + grouping);
        }

        /** "a whole number of units from 1 to 1,000,000", grouped as the console's tables group units. */
        String rule() {
            return "a whole number of " + unit + " from " + Format.count(min) + " to " + Format.count(max);
        }
    }

    /**
     * A price typed in the currency's major unit, as minor units: "12.99" in GBP is 1299. More decimals than the currency
     * has are refused, not rounded; so are a negative amount and one above {@link Money#MAX_AMOUNT_MINOR}.
     */
    static long price(String field, String value, String currency) {
        String typed = value == null ? "" : value.strip();
        if (PLAIN_AMOUNT.matcher(typed).matches()) {
            try {
                long minor = new BigDecimal(typed).movePointRight(digits(currency)).longValueExact();
                if (minor <= Money.MAX_AMOUNT_MINOR) {
                    return minor;
                }
            } catch (ArithmeticException e) {
                // Decimals the currency does not have, or past a long: the rule below says what is taken.
            }
        }
        throw new InvalidInput(field, field + " must be " + priceRule(currency) + ", was '" + shown(value) + "'");
    }

    /**
     * The price rule in the form's unit (Money would say it in minor units, which the form does not show): "an amount in
     * GBP from 0 to 100000000.00 with at most 2 decimals, such as 12.99", "a whole amount in JPY from 0 to 10000000000,
     * such as 1299".
     */
    static String priceRule(String currency) {
        int digits = digits(currency);
        String upTo = " from 0 to " + Format.amount(Money.MAX_AMOUNT_MINOR, currency);
        String example = ", such as " + Format.amount(EXAMPLE_PRICE_MINOR, currency);
        return digits == 0 ? "a whole amount in " + currency + upTo + example
                : "an amount in " + currency + upTo + " with at most " + Format.plural(digits, "decimal") + example;
    }

    private static int digits(String currency) {
        return restock.catalog.Currencies.minorDigits(currency);
    }

    private static String shown(String value) {
        String typed = value == null ? "" : value;
        return typed.length() > MAX_VALUE_SHOWN ? typed.substring(0, MAX_VALUE_SHOWN) + "…" : typed;
    }
}
