package restock.engagement;

/** An offer rule that is switched on, with the id it was stored under. */
public record ActiveOfferRule(long id, OfferRule rule) {
}
