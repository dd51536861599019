package restock.notify;

/** How a shop's messages look and where they point. */
public record Branding(String shopName, String shopUrl, String accentColour, String fromAddress) {
    public static final Branding DEMO = new Branding("Restock demo shop", "https://shop.example.com", "#17324d", "shop@example.com");
}
