package restock.common;

import java.util.Locale;

/** Quantities written into sentences for people: grouped where the number is a count, never an id such as a SKU. */
public final class Counts {
    private Counts() {
    }

    /** A whole number of units with thousands grouped: "8,566". */
    public static String grouped(long units) {
        return String.format(Locale.UK, "%,d", units);
    }
}
