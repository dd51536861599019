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
