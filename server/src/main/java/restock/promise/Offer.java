package restock.promise;

import restock.catalog.Product;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A schema.org Product with its Offer (JSON-LD), as search engines read it from a product page: the offer's
 * availability is the {@link ListedAvailability} the Merchant feed states for the same answer.
 */
public final class Offer {
    private Offer() {
    }

    public static Map<String, Object> jsonLd(Product product, String url, String imageUrl, Availability availability, LocalDate today) {
        ListedAvailability listed = ListedAvailability.of(availability, today);
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("@type", "Offer");
        offer.put("url", url);
        offer.put("price", MerchantFeed.amount(product.price().amountMinor(), product.price().currency()));
        offer.put("priceCurrency", product.price().currency());
        offer.put("itemCondition", "https://schema.org/NewCondition");
        offer.put("availability", listed.kind().schemaOrgUrl());
        listed.date().ifPresent(date -> offer.put("availabilityStarts", date.toString()));

        Map<String, Object> jsonLd = new LinkedHashMap<>();
        jsonLd.put("@context", "https://schema.org");
        jsonLd.put("@type", "Product");
        jsonLd.put("sku", product.sku().code());
        jsonLd.put("name", product.name());
        jsonLd.put("url", url);
        jsonLd.put("image", imageUrl);
        product.listing().brand().ifPresent(brand -> jsonLd.put("brand", Map.of("@type", "Brand", "name", brand)));
        product.listing().gtin().ifPresent(gtin -> jsonLd.put("gtin", gtin));
        product.listing().mpn().ifPresent(mpn -> jsonLd.put("mpn", mpn));
        jsonLd.put("offers", offer);
        return jsonLd;
    }
}
