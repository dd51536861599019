package restock.allocation;

/** Units given to a waiting line from stock that became available. */
public record Fill(long lineId, int quantity) {
}
