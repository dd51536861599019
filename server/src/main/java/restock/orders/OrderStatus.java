package restock.orders;

import java.util.List;

/** An order's overall status, derived from its lines' states. */
public enum OrderStatus {
    /** Every open unit is reserved: ready to ship. */
    READY("ready"),
    /** At least one unit waits for stock. */
    BACKORDERED("backordered"),
    /** Nothing open; something shipped. */
    SHIPPED("shipped"),
    /** Nothing open; something was cancelled and nothing shipped. */
    CANCELLED("cancelled"),
    /** Nothing was accepted. */
    REFUSED("refused");

    private final String code;

    OrderStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static OrderStatus of(List<LineState> lines) {
        if (lines.stream().anyMatch(line -> line instanceof LineState.Waiting)) {
            return BACKORDERED;
        }
        if (lines.stream().anyMatch(line -> line instanceof LineState.Reserved)) {
            return READY;
        }
        if (lines.stream().anyMatch(line -> line instanceof LineState.Shipped)) {
            return SHIPPED;
        }
        if (lines.stream().anyMatch(line -> line instanceof LineState.Cancelled)) {
            return CANCELLED;
        }
        return REFUSED;
    }
}
