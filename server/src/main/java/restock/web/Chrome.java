package restock.web;

import java.util.Optional;

/**
 * What every console page shows around its content: who is signed in, the session's CSRF token (sent back by every
 * form and every htmx request), which section is open, a one-time message from the last action, whether the
 * storefront demo page is served (then the navigation links to it), and a key fresh for this page: forms that
 * create or move stock send it, so a form sent twice (a double click, a resent POST) acts once (see {@link OnceKeys}).
 */
public record Chrome(String username, String csrfToken, String section, Optional<String> flash, boolean shopDemo, String formKey) {
    /** The sections of the navigation, in order: path and label. */
    public static final java.util.List<java.util.Map.Entry<String, String>> SECTIONS = java.util.List.of(
            java.util.Map.entry("overview", "Overview"), java.util.Map.entry("backorders", "Backorders"),
            java.util.Map.entry("orders", "Orders"), java.util.Map.entry("purchase-orders", "Purchase orders"),
            java.util.Map.entry("suppliers", "Suppliers"), java.util.Map.entry("products", "Products"),
            java.util.Map.entry("waitlists", "Waitlists & offers"), java.util.Map.entry("planning", "Planning"));

    /**
     * A customer's order a message names by one of its lines, as "order 12 line 1": "order 12" becomes a link to its page.
     * Not "minimum order 24 units" (a supplier's terms) nor "purchase order 7".
     */
    private static final java.util.regex.Pattern ORDER_NAMED = java.util.regex.Pattern.compile("(?<!purchase )\\border ([0-9]{1,18})(?= line [0-9])");

    /** A piece of the message: plain text, or the words naming an order with that order's id. */
    public record FlashPart(String text, Optional<Long> orderId) {
    }

    /**
     * The message in pieces, each order it names by a line ("order 12 line 1") linked to its page: after a purchase order was cancelled,
     * the orders it re-promised or left without supply are a click away. The pieces are escaped as any text is.
     */
    public java.util.List<FlashPart> flashParts() {
        return linked(flash.orElse(""));
    }

    /** Any console sentence in pieces, each order it names by a line linked to its page (a refused count names the orders holding its units). */
    public static java.util.List<FlashPart> linked(String text) {
        java.util.List<FlashPart> parts = new java.util.ArrayList<>();
        java.util.regex.Matcher matcher = ORDER_NAMED.matcher(text);
        int from = 0;
        while (matcher.find()) {
            parts.add(new FlashPart(text.substring(from, matcher.start()), Optional.empty()));
            parts.add(new FlashPart(matcher.group(), Optional.of(Long.parseLong(matcher.group(1)))));
            from = matcher.end();
        }
        parts.add(new FlashPart(text.substring(from), Optional.empty()));
        return parts;
    }
}
