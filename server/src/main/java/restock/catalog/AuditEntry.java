package restock.catalog;

import java.time.Instant;

/** One change to a supplier or a product, as the audit trail keeps it: who, when, and the fields before and after. */
public record AuditEntry(long id, String entity, String key, String action, String changedBy, String changesJson, Instant at) {
}
