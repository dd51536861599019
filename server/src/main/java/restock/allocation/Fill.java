package restock.allocation;

/** Units given to a waiting line from stock that became free; {@code completesLine} when nothing of it waits any more. */
public record Fill(long lineId, int quantity, boolean completesLine) {
    public Fill {
        if (quantity <= 0) {
            throw new IllegalStateException("a fill of line " + lineId + " gives at least one unit, not " + quantity);
        }
    }
}
