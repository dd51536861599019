package restock.orders;

import restock.catalog.Sku;
import restock.common.InvalidInput;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A validated request to place an order. */
public record OrderRequest(String customerEmail, boolean allowPartial, int priority, List<Line> lines, Optional<String> paymentMethodToken,
                           Optional<String> discountCode) {
    public static final int MAX_TOKEN_LENGTH = restock.common.TextLimit.PAYMENT_METHOD_TOKEN.maxLength();
    public static final int MAX_LINES = 100;
    public static final int MAX_UNITS_PER_LINE = 10_000;
    public static final int MAX_PRIORITY = 9;
    public static final int MAX_EMAIL_LENGTH = restock.common.TextLimit.EMAIL.maxLength();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** One requested line. */
    public record Line(Sku sku, int quantity) {
    }

    /** An order whose payment Restock does not handle (the shop takes it elsewhere). */
    public OrderRequest(String customerEmail, boolean allowPartial, int priority, List<Line> lines) {
        this(customerEmail, allowPartial, priority, lines, Optional.empty(), Optional.empty());
    }

    /** An order paid through Restock with a saved payment method and no discount code. */
    public OrderRequest(String customerEmail, boolean allowPartial, int priority, List<Line> lines, Optional<String> paymentMethodToken) {
        this(customerEmail, allowPartial, priority, lines, paymentMethodToken, Optional.empty());
    }

    public OrderRequest {
        if (discountCode.isPresent() && (discountCode.get().isBlank() || discountCode.get().length() > restock.common.TextLimit.DISCOUNT_CODE.maxLength())) {
            throw new InvalidInput("discountCode", "discountCode must be a code such as ABCD-EFGH-JKMN-PQRS");
        }
        if (paymentMethodToken.isPresent() && (paymentMethodToken.get().isBlank() || paymentMethodToken.get().length() > MAX_TOKEN_LENGTH)) {
            throw new InvalidInput("paymentMethod", "paymentMethod must be the gateway's token for a saved payment method, 1 to "
                    + MAX_TOKEN_LENGTH + " characters");
        }
        requireEmail("customerEmail", customerEmail);
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new InvalidInput("priority", "priority must be between 0 and " + MAX_PRIORITY + ", was " + priority);
        }
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInput("lines", "an order needs at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInput("lines", "an order may have at most " + MAX_LINES + " lines, this one has " + lines.size());
        }
        for (int i = 0; i < lines.size(); i++) {
            requireQuantity("lines[" + i + "].quantity", lines.get(i).quantity());
        }
        lines = List.copyOf(lines);
    }

    /** An email address of at most {@value #MAX_EMAIL_LENGTH} characters, or an error naming the field. */
    public static void requireEmail(String field, String email) {
        if (email == null || email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new InvalidInput(field, field + " must be an email address of at most " + MAX_EMAIL_LENGTH + " characters");
        }
    }

    public static void requireQuantity(String field, long quantity) {
        if (quantity <= 0 || quantity > MAX_UNITS_PER_LINE) {
            throw new InvalidInput(field, field + " must be between 1 and " + MAX_UNITS_PER_LINE + ", was " + quantity);
        }
    }
}
