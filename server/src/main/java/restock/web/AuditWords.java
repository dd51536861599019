package restock.web;

import com.fasterxml.jackson.databind.JsonNode;
import restock.catalog.AuditEntry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's audit trail in the words of the console's forms: fields by the form's names, a price as the form shows
 * it, a supplier and a category by the names their lists show, yes and no for a flag, and a record's first entry as
 * what it was created with. The trail read "supplier (id) (none) → 3", "discontinued (none) → false" and "category
 * (none) → gifts" beside a list offering "Gifts" (a newcomer's finding).
 */
public final class AuditWords {
    /** The names the trail's ids and codes stand for: suppliers by id, categories by code. */
    public record Names(Map<Long, String> suppliers, Map<String, String> categories) {
        static final Names NONE = new Names(Map.of(), Map.of());
    }

    /** An audit entry as the SKU page lists it: when, by whom, and what changed in the form's words and units. */
    public record Row(java.time.Instant at, String changedBy, String changes) {
    }

    /**
     * The audit trail's field names (the API's, as stored) in the words the console's forms use: staff read
     * "price 12.99 GBP → 14.99 GBP", not "priceMinor 1299 → 1499" (an outside check).
     */
    private static final Map<String, String> FIELD_WORDS = Map.ofEntries(
            Map.entry("priceMinor", "price"),
            Map.entry("backorderPolicy", "backorders"),
            Map.entry("backorderCap", "cap on waiting units"),
            Map.entry("releaseDate", "release date"),
            Map.entry("supplierId", "supplier"),
            Map.entry("contactName", "contact"),
            Map.entry("contactEmail", "email"),
            Map.entry("leadTimeDays", "lead time (days)"),
            Map.entry("minimumOrder", "minimum order (units)"),
            Map.entry("packSize", "pack size"));
    private static final String CREATED = "created";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private AuditWords() {
    }

    /**
     * A product's audit entries, newest first, as rows with each price in the currency it was in: the product's currency
     * now, going back, until an entry that changed it (before that entry, the currency it changed from).
     */
    static List<Row> productRows(List<AuditEntry> newestFirst, String currencyNow, Names names) {
        List<Row> rows = new ArrayList<>();
        String after = currencyNow;
        for (AuditEntry entry : newestFirst) {
            JsonNode fields = fields(entry);
            String before = Optional.ofNullable(fields.get("currency")).map(change -> change.get("from")).filter(from -> !from.isNull())
                    .map(JsonNode::asText).orElse(after);
            rows.add(new Row(entry.at(), entry.changedBy(), words(entry, fields, names, Optional.of(before), Optional.of(after))));
            after = before;
        }
        return rows;
    }

    /** A supplier's audit entry's changes as staff read them: "lead time (days) 14 → 21; contact Aiko → Ren". */
    public static String supplierChanges(AuditEntry entry) {
        return words(entry, fields(entry), Names.NONE, Optional.empty(), Optional.empty());
    }

    /** The suppliers a product's entries name by id, whose names {@link #productRows} needs. */
    static Set<Long> supplierIds(List<AuditEntry> entries) {
        Set<Long> ids = new LinkedHashSet<>();
        for (AuditEntry entry : entries) {
            JsonNode change = fields(entry).get("supplierId");
            if (change != null) {
                for (JsonNode id : List.of(change.path("from"), change.path("to"))) {
                    if (id.canConvertToLong()) {
                        ids.add(id.asLong());
                    }
                }
            }
        }
        return ids;
    }

    /**
     * An entry's changes: "price 1.50 GBP → 1000.00 GBP; supplier (none) → Nara Paper Co." (a price in the currency
     * before and after the entry), or for the entry that created the record "created with name Lamp, price 1.50 GBP, ...":
     * every field it was created with, none of them "(none) →".
     */
    private static String words(AuditEntry entry, JsonNode fields, Names names, Optional<String> currencyBefore, Optional<String> currencyAfter) {
        boolean created = entry.action().equals(CREATED);
        List<String> words = new ArrayList<>();
        fields.properties().forEach(field -> {
            String name = field.getKey();
            if (name.equals("priceMinor") && currencyAfter.isEmpty()) {
                throw new IllegalStateException("audit entry " + entry.id() + " changes a price, and its currency is not known");
            }
            JsonNode from = field.getValue().get("from");
            JsonNode to = field.getValue().get("to");
            String after = shown(name, to, names, currencyAfter);
            if (created) {
                // A price is shown with its currency; the currency on its own would say it twice.
                boolean currencyOfPrice = name.equals("currency") && fields.has("priceMinor");
                if (to != null && !to.isNull() && !currencyOfPrice) {
                    words.add(FIELD_WORDS.getOrDefault(name, name) + " " + after);
                }
            } else {
                words.add(FIELD_WORDS.getOrDefault(name, name) + " " + shown(name, from, names, currencyBefore) + " → " + after);
            }
        });
        return created ? "created with " + String.join(", ", words) : String.join("; ", words);
    }

    /** One value as the form shows it; a supplier or category no longer on file by its id or code. */
    private static String shown(String field, JsonNode value, Names names, Optional<String> currency) {
        if (value == null || value.isNull()) {
            return "(none)";
        }
        return switch (field) {
            case "priceMinor" -> Format.money(value.asLong(), currency.orElseThrow());
            case "supplierId" -> Optional.ofNullable(names.suppliers().get(value.asLong())).orElse("supplier " + value.asText());
            case "category" -> names.categories().getOrDefault(value.asText(), value.asText());
            case "backorderPolicy" -> Format.backorders(value.asText());
            default -> value.isBoolean() ? (value.asBoolean() ? "yes" : "no") : value.asText();
        };
    }

    private static JsonNode fields(AuditEntry entry) {
        try {
            return JSON.readTree(entry.changesJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("audit entry " + entry.id() + " holds no JSON", e);
        }
    }
}
