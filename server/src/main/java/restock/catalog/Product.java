package restock.catalog;

import restock.common.InvalidInput;

/** A product as sold: its code, name, price and how it may be sold beyond stock. */
public record Product(Sku sku, String name, Money price, BackorderPolicy backorderPolicy, Lifecycle lifecycle) {
    public static final int MAX_NAME_LENGTH = restock.common.TextLimit.PRODUCT_NAME.maxLength();

    /** An active product: released, not discontinued. */
    public Product(Sku sku, String name, Money price, BackorderPolicy backorderPolicy) {
        this(sku, name, price, backorderPolicy, Lifecycle.ACTIVE);
    }

    public Product {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInput("name", "name is longer than " + MAX_NAME_LENGTH + " characters");
        }
    }
}
