package restock.inventory;

/** Why on hand changed; the stock ledger's kinds (the database CHECK lists the same codes). */
public enum MovementKind {
    RECEIPT("receipt"), SHIPMENT("shipment"), ADJUSTMENT("adjustment"), COUNT("count"), RETURN("return");

    private final String code;

    MovementKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
