package restock.service;

import restock.catalog.Sku;

/** A SKU's balances as the API reports them. */
public record StockLevel(Sku sku, int onHand, int reserved, int available, int incoming, int backordered) {
}
