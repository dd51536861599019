package restock.inventory;

/** A SKU's balances with its product name, for lists. */
public record NamedStockLevel(String name, StockLevel level) {
}
