package restock.common;

import java.util.List;

/**
 * Every text Restock accepts from outside, with the most characters it may have and the columns it is stored in.
 * The one place for these limits: a value that passes at entry always fits its columns (TextLimitsTest reads the
 * schema and holds each limit to its columns), so no write fails later, in a relay or a batch, on a value the API
 * accepted.
 */
public enum TextLimit {
    SKU(64, "products.sku"),
    PRODUCT_NAME(200, "products.name"),
    SUPPLIER_NAME(200, "suppliers.name"),
    STOCK_REASON(500, "stock_movements.reason"),
    EMAIL(254, "orders.customer_email", "waitlist.email", "discount_codes.customer_email", "redemption_attempts.customer_email",
            "suppliers.contact_email"),
    CONTACT_NAME(200, "suppliers.contact_name"),
    PHONE(40, "suppliers.phone"),
    CATEGORY_NAME(200, "categories.name"),
    PAYMENT_METHOD_TOKEN(255, "orders.payment_method_token", "line_payments.payment_method_token"),
    IDEMPOTENCY_KEY(255, "idempotent_requests.key"),
    /** As typed by a shopper (case, spaces and dashes loose); stored normalized, with at most a dash per 4 characters more. */
    DISCOUNT_CODE(40, "redemption_attempts.code"),
    WEBHOOK_URL(2000, "webhook_endpoints.url", "outbox.recipient"),
    CANCEL_REASON(200, "cancellations.reason"),
    API_KEY_NAME(100, "api_keys.name"),
    /** Merchant Center's limits for image_link, brand and mpn; a GTIN has at most 14 digits. */
    IMAGE_URL(2000, "products.image_url"),
    BRAND(70, "products.brand"),
    GTIN(14, "products.gtin"),
    MPN(70, "products.mpn");

    private final int maxLength;
    private final List<String> columns;

    TextLimit(int maxLength, String... columns) {
        this.maxLength = maxLength;
        this.columns = List.of(columns);
    }

    public int maxLength() {
        return maxLength;
    }

    /** The columns ("table.column") a value of this kind is stored in. */
    public List<String> columns() {
        return columns;
    }

    /**
     * Whether the text is one line without any control character: none of C0 (tab, line feed and carriage return
     * included), DEL, C1 (NEL, U+0085, breaks a line too) or the Unicode line and paragraph separators (an outside
     * re-check split a feed's rows with U+0085 and U+2028 after C0 alone was refused).
     */
    public static boolean isOneLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || isBidiControl(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): a name with U+202E showed
     * "abc" then the rest reversed, in the console and in mails (an operations check saved "abc\u202Eevil").
     */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** Whether the text holds a control character other than tab, line feed and carriage return (NUL among them). */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControlCharacter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A control character text may not hold: C0 controls but tab, newline and carriage return, and DEL. */
    public static boolean isControlCharacter(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }
}
