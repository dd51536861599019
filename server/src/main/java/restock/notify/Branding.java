package restock.notify;

/**
 * How a shop's messages look and where they point: the shop's name (also the From display name), its site, its
 * colour, the From address, and the public address of this Restock, which links in mails (cancel, unsubscribe,
 * confirm) start with; the address it listens on is often not one customers can reach.
 */
public record Branding(String shopName, String shopUrl, String accentColour, String fromAddress, String publicUrl) {
    public static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";
    /** Where {@code serve --demo} serves its storefront demo page. */
    public static final String DEMO_SHOP_PATH = "/shop";
    public static final Branding DEMO = new Branding("Restock demo shop", "https://shop.example.com", "#17324d", "shop@example.com",
            DEFAULT_PUBLIC_URL);

    public Branding(String shopName, String shopUrl, String accentColour, String fromAddress) {
        this(shopName, shopUrl, accentColour, fromAddress, DEFAULT_PUBLIC_URL);
    }

    public Branding {
        publicUrl = requirePublicUrl(publicUrl);
    }

    /** An absolute http(s) address without a trailing slash, so "publicUrl + /cancel/..." is a link. */
    public static String requirePublicUrl(String url) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("the public URL must be an absolute http or https address, was '" + url + "'");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getQuery() != null) {
            throw new IllegalArgumentException("the public URL must be an absolute http or https address such as https://restock.example.com, was '"
                    + url + "'");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The shop's site, where a customer page's "back to the shop" and the mails point: the one configured
     * ({@code RESTOCK_SHOP_URL}); without one, the demo's own shop page on this Restock ({@code serve --demo} pointed
     * customers at shop.example.com, a site that is not the demo's), else the placeholder of {@link #DEMO}.
     */
    public static String shopHome(java.util.Optional<String> configured, boolean demo, String publicUrl) {
        return configured.filter(url -> !url.isBlank()).orElse(demo ? requirePublicUrl(publicUrl) + DEMO_SHOP_PATH : DEMO.shopUrl());
    }

    /**
     * Where a product's link points (feeds, schema.org offers, back-in-stock mails): the configured address
     * ({@code RESTOCK_SHOP_PRODUCT_URL}, {@code {sku}} standing for the SKU); without one, the demo's shop page showing
     * that product ({@code serve --demo} linked every product to shop.example.com, a site that is not the demo's), else
     * {@code placeholder}.
     */
    public static String shopProductUrl(java.util.Optional<String> configured, boolean demo, String publicUrl, String placeholder) {
        return configured.filter(url -> !url.isBlank())
                .orElse(demo ? requirePublicUrl(publicUrl) + DEMO_SHOP_PATH + "?sku={sku}" : placeholder);
    }

    /** The From mailbox's domain, for Message-IDs receivers trust: shop@example.com gives example.com. */
    public String mailDomain() {
        int at = fromAddress.lastIndexOf('@');
        return at < 0 || at == fromAddress.length() - 1 ? "restock.invalid" : fromAddress.substring(at + 1);
    }
}
