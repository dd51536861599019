package restock.engagement;

/** One sign-up on a product's waitlist: who, for how many, and whether the address was confirmed. */
public record WaitlistEntry(long id, String sku, String email, int quantity, boolean confirmed) {
}
