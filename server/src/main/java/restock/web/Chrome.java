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
}
