package restock.orders;

/** What happened to an order or one of its lines; the order event log's kinds (the database CHECK lists the same codes). */
public enum OrderEventKind {
    PLACED("placed"), RESERVED("reserved"), BACKORDERED("backordered"), REFUSED("refused"), FILLED("filled"),
    SHIPPED("shipped"), CANCELLED("cancelled"), PROMISE_CHANGED("promise_changed");

    private final String code;

    OrderEventKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static OrderEventKind of(String code) {
        for (OrderEventKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalStateException("unknown order event kind '" + code + "'");
    }
}
