package restock.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What an edit changed, field by field, for the audit trail: only fields whose value differs, each with from and to. */
public final class CatalogAudit {
    private CatalogAudit() {
    }

    /** One field's old and new value (null: none). */
    public record Change(Object from, Object to) {
    }

    public static Map<String, Change> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Change> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            Object old = before.get(field);
            if (!Objects.equals(old, value)) {
                changes.put(field, new Change(old, value));
            }
        });
        return changes;
    }

    /**
     * A version of a record's editable fields, for optimistic edits (an HTTP ETag, a form's hidden field): equal fields
     * give the same version, any change another. The first 16 hex digits of a SHA-256 over the fields, each name and
     * value prefixed with its length so that no two different sets of fields read the same.
     */
    public static String version(Map<String, Object> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((field, value) -> {
            String shown = String.valueOf(value);
            text.append(field.length()).append(':').append(field).append(value == null ? "-" : shown.length() + ":" + shown).append(';');
        });
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a text is a version as {@link #version} writes them: 16 lower-case hex digits. */
    public static boolean isVersion(String text) {
        return VERSION.matcher(text).matches();
    }

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("[0-9a-f]{16}");

    /** A product's editable fields as plain values, for {@link #diff}. */
    public static Map<String, Object> fields(Product product, java.util.Optional<String> category, java.util.Optional<Long> supplierId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", product.name());
        fields.put("priceMinor", product.price().amountMinor());
        fields.put("currency", product.price().currency());
        fields.put("backorderPolicy", product.backorderPolicy().code());
        fields.put("backorderCap", product.backorderPolicy().cap().isPresent() ? product.backorderPolicy().cap().getAsInt() : null);
        fields.put("releaseDate", product.lifecycle().releaseDate().map(Object::toString).orElse(null));
        fields.put("discontinued", product.lifecycle().discontinued());
        fields.put("category", category.orElse(null));
        fields.put("supplierId", supplierId.orElse(null));
        return fields;
    }

    /** A supplier's editable fields as plain values, for {@link #diff}. */
    public static Map<String, Object> fields(Supplier supplier) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", supplier.name());
        fields.put("contactName", supplier.contactName().orElse(null));
        fields.put("contactEmail", supplier.contactEmail().orElse(null));
        fields.put("phone", supplier.phone().orElse(null));
        fields.put("leadTimeDays", supplier.leadTimeDays().orElse(null));
        fields.put("minimumOrder", supplier.minimumOrder());
        fields.put("packSize", supplier.packSize());
        fields.put("currency", supplier.currency().orElse(null));
        return fields;
    }
}
