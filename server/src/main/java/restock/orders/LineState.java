package restock.orders;

/** Where an order line stands; each state is its own type so a command can ask for the one it needs. */
public sealed interface LineState {
    String code();

    /** Every unit still open is reserved: the line can ship. */
    record Reserved(int reserved) implements LineState {
        public String code() { return "reserved"; }
    }

    /** Some units wait in the backorder queue (some may already be reserved). */
    record Waiting(int waiting, int reserved) implements LineState {
        public String code() { return "backordered"; }
    }

    /** Nothing was accepted. */
    record Refused() implements LineState {
        public String code() { return "refused"; }
    }

    /** Everything accepted has shipped. */
    record Shipped(int shipped) implements LineState {
        public String code() { return "shipped"; }
    }

    /** Cancelled before anything shipped. */
    record Cancelled() implements LineState {
        public String code() { return "cancelled"; }
    }
}
