package restock.catalog;

import java.time.Instant;

/** One entry of the catalog's audit trail: who changed which record when, each field from and to (as JSON). */
public record AuditEntry(long id, String entity, String key, String action, String changedBy, String changesJson, Instant at) {
}
