package restock.catalog;

/** The currency most of the catalogue's products are priced in, with how many of how many products are. */
public record MainCurrency(String code, long products, long ofProducts) {
    public MainCurrency {
        if (products < 1 || products > ofProducts) {
            throw new IllegalArgumentException("the main currency " + code + " prices " + products + " of " + ofProducts + " products");
        }
    }
}
