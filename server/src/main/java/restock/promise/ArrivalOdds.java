package restock.promise;

/** What to expect of a supplier for a SKU: how late it delivers, how much of an order arrives, and on what evidence. */
public record ArrivalOdds(DayDistribution lateness, FillDistribution fill, String basis) {
}
