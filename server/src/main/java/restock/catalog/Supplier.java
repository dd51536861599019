package restock.catalog;

import restock.common.InvalidInput;
import restock.common.TextLimit;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A supplier and its terms: who to contact, the lead time it states, the smallest order it takes and the pack it
 * ships in (planning rounds suggestions to these), and the currency it invoices in.
 */
public record Supplier(long id, String name, Optional<String> contactName, Optional<String> contactEmail, Optional<String> phone,
                       Optional<Integer> leadTimeDays, int minimumOrder, int packSize, Optional<String> currency) {
    public static final int MAX_LEAD_TIME_DAYS = 365;
    public static final int MAX_MINIMUM_ORDER = 1_000_000;
    public static final int MAX_PACK_SIZE = 100_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Supplier {
        name = text("name", name, TextLimit.SUPPLIER_NAME);
        contactName = contactName.map(value -> text("contactName", value, TextLimit.CONTACT_NAME));
        contactEmail = contactEmail.map(value -> text("contactEmail", value, TextLimit.EMAIL));
        if (contactEmail.isPresent() && !EMAIL.matcher(contactEmail.get()).matches()) {
            throw new InvalidInput("contactEmail", "contactEmail must be an email address, was '" + contactEmail.get() + "'");
        }
        phone = phone.map(value -> text("phone", value, TextLimit.PHONE));
        if (leadTimeDays.isPresent() && (leadTimeDays.get() < 1 || leadTimeDays.get() > MAX_LEAD_TIME_DAYS)) {
            throw new InvalidInput("leadTimeDays", "leadTimeDays must be between 1 and " + MAX_LEAD_TIME_DAYS + ", was " + leadTimeDays.get());
        }
        if (minimumOrder < 0 || minimumOrder > MAX_MINIMUM_ORDER) {
            throw new InvalidInput("minimumOrder", "minimumOrder must be between 0 and " + MAX_MINIMUM_ORDER + ", was " + minimumOrder);
        }
        if (packSize < 1 || packSize > MAX_PACK_SIZE) {
            throw new InvalidInput("packSize", "packSize must be between 1 and " + MAX_PACK_SIZE + ", was " + packSize);
        }
        // As stored; a currency being set is held to Currencies.checked where suppliers are created and edited.
        currency.ifPresent(code -> Currencies.code("currency", code));
    }

    /** A supplier known only by name, as a purchase order first mentions it: no contact, no MOQ, packs of one. */
    public static Supplier named(long id, String name) {
        return new Supplier(id, name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 1, Optional.empty());
    }

    /** Trimmed, within its limit, one line without control characters ({@link TextLimit#isOneLine}), not blank. */
    static String text(String field, String value, TextLimit limit) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > limit.maxLength()) {
            throw new InvalidInput(field, field + " must be at most " + limit.maxLength() + " characters, had " + trimmed.length());
        }
        if (!TextLimit.isOneLine(trimmed)) {
            throw new InvalidInput(field, field + " must be one line without control characters (no line breaks, tabs or NUL)");
        }
        return trimmed;
    }
}
