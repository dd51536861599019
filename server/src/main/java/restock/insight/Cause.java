package restock.insight;

import java.util.Map;

/**
 * One cause of a backorder, with the units it explains (the ranking key), a sentence for people and the figures it
 * was decided on.
 */
public record Cause(CauseKind kind, double unitsExplained, String summary, Map<String, Object> evidence) {
    public Cause {
        if (!(unitsExplained >= 0) || Double.isInfinite(unitsExplained)) {
            throw new IllegalStateException(kind.code() + " explains " + unitsExplained + " units");
        }
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
