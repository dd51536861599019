package restock.engagement;

import java.time.Instant;

/** An offer rule as the console lists it: the rule, whether it is the active one of its kind, and when it was made. */
public record ListedOfferRule(long id, OfferRule rule, boolean active, Instant createdAt) {
}
