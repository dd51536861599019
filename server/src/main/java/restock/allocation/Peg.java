package restock.allocation;

/** Waiting units of an order line promised from a purchase order line. */
public record Peg(long lineId, long purchaseOrderLineId, int quantity) {
}
