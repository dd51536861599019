package restock.promise;

/** What a shop may say about a product for a quantity. */
public enum AvailabilityStatus {
    IN_STOCK("in_stock"), BACKORDER("backorder"), OUT_OF_STOCK("out_of_stock"), PREORDER("preorder"), DISCONTINUED("discontinued");

    private final String code;

    AvailabilityStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
