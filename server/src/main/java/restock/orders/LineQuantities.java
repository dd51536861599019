package restock.orders;

/**
 * How one line's ordered units are split. Every unit is in exactly one bucket:
 * quantity = reserved + waiting + refused + shipped + cancelled.
 */
public record LineQuantities(int quantity, int reserved, int waiting, int refused, int shipped, int cancelled) {
    public LineQuantities {
        if (quantity <= 0 || reserved < 0 || waiting < 0 || refused < 0 || shipped < 0 || cancelled < 0
                || quantity != reserved + waiting + refused + shipped + cancelled) {
            throw new IllegalStateException("line quantities do not add up: quantity=" + quantity + " reserved=" + reserved
                    + " waiting=" + waiting + " refused=" + refused + " shipped=" + shipped + " cancelled=" + cancelled);
        }
    }

    public static LineQuantities admitted(int quantity, int reserved, int waiting, int refused) {
        return new LineQuantities(quantity, reserved, waiting, refused, 0, 0);
    }

    public int open() {
        return reserved + waiting;
    }

    public LineState state() {
        if (waiting > 0) {
            return new LineState.Waiting(waiting, reserved);
        }
        if (reserved > 0) {
            return new LineState.Reserved(reserved);
        }
        if (shipped > 0) {
            return new LineState.Shipped(shipped);
        }
        if (cancelled > 0) {
            return new LineState.Cancelled();
        }
        return new LineState.Refused();
    }

    public LineQuantities filled(int units) {
        return new LineQuantities(quantity, reserved + units, waiting - units, refused, shipped, cancelled);
    }

    public LineQuantities shippedAll() {
        return new LineQuantities(quantity, 0, waiting, refused, shipped + reserved, cancelled);
    }

    public LineQuantities cancelledOpen() {
        return new LineQuantities(quantity, 0, 0, refused, shipped, cancelled + reserved + waiting);
    }
}
