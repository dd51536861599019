package restock.catalog;

import restock.common.InvalidInput;

/** A product as sold: its code, name, price, how it may be sold beyond stock, its lifecycle and its listing. */
public record Product(Sku sku, String name, Money price, BackorderPolicy backorderPolicy, Lifecycle lifecycle, Listing listing) {
    public static final int MAX_NAME_LENGTH = restock.common.TextLimit.PRODUCT_NAME.maxLength();

    /** An active product: released, not discontinued. */
    public Product(Sku sku, String name, Money price, BackorderPolicy backorderPolicy) {
        this(sku, name, price, backorderPolicy, Lifecycle.ACTIVE);
    }

    /** A product with nothing listed beyond its name and price. */
    public Product(Sku sku, String name, Money price, BackorderPolicy backorderPolicy, Lifecycle lifecycle) {
        this(sku, name, price, backorderPolicy, lifecycle, Listing.NONE);
    }

    public Product {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInput("name", "name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (!restock.common.TextLimit.isOneLine(name)) {
            // Mail subjects, feeds and the console show it as one line: a line break in it stopped every mail and
            // webhook behind the first one that named the product (an outside check), and feeds cannot carry NUL.
            throw new InvalidInput("name", "name must be one line without control characters (no line breaks, tabs, NUL or line separators)");
        }
        if (listing == null) {
            throw new IllegalArgumentException("a product's listing is Listing.NONE when nothing is listed, not null");
        }
    }
}
