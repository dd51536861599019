package restock.insight;

/** Why a line had to wait or was refused; the codes the API and the database use. */
public enum CauseKind {
    DEMAND_SPIKE("demand_spike"), SUPPLIER_LATE("supplier_late"), SUPPLIER_SHORT("supplier_short"), PLANNING("planning"),
    RECORD_ERROR("record_error"), POLICY("policy"), UNKNOWN("unknown");

    private final String code;

    CauseKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static java.util.Optional<CauseKind> byCode(String code) {
        for (CauseKind kind : values()) {
            if (kind.code.equals(code)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
