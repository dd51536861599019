package restock.promise;

import java.util.LinkedHashMap;
import java.util.Map;

/** A schema.org Offer (JSON-LD) whose availability and availabilityStarts say what Restock can honestly promise. */
public final class Offer {
    private Offer() {
    }

    public static Map<String, Object> jsonLd(String sku, String name, long priceMinor, String currency, String url, Availability availability) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("@context", "https://schema.org");
        offer.put("@type", "Offer");
        offer.put("sku", sku);
        offer.put("name", name);
        offer.put("url", url);
        offer.put("price", MerchantFeed.price(priceMinor, currency).split(" ")[0]);
        offer.put("priceCurrency", currency);
        offer.put("availability", "https://schema.org/" + switch (availability.status()) {
            case IN_STOCK -> "InStock";
            case BACKORDER -> "BackOrder";
            case PREORDER -> "PreOrder";
            case OUT_OF_STOCK -> "OutOfStock";
            case DISCONTINUED -> "Discontinued";
        });
        availability.eta().ifPresent(eta -> offer.put("availabilityStarts", eta.to().toString()));
        return offer;
    }
}
