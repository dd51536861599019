package restock.http;

import restock.catalog.Sku;
import restock.promise.MerchantFeed;
import restock.service.Restock;
import restock.service.StorefrontQueries;

import java.util.List;
import java.util.Map;

/** Storefront outputs in their formats: schema.org offers and the Merchant Center feed, linking to the shop's pages. */
final class Storefront {
    enum Format { TSV, CSV, XML }

    private final Restock restock;
    private final StorefrontQueries queries;
    private final String productUrl;

    Storefront(Restock restock, String productUrl) {
        this.restock = restock;
        this.queries = new StorefrontQueries(restock);
        this.productUrl = productUrl;
    }

    Map<String, Object> offer(Sku sku, int quantity) {
        return restock.read(h -> queries.offer(h, sku, quantity, link(sku)));
    }

    String merchantFeed(Format format) {
        List<Map<String, String>> rows = restock.read(h -> queries.merchantRows(h, this::link));
        return switch (format) {
            case TSV -> MerchantFeed.delimited(rows, '\t');
            case CSV -> MerchantFeed.delimited(rows, ',');
            case XML -> MerchantFeed.xml(rows, productUrl.replace("{sku}", ""));
        };
    }

    private String link(Sku sku) {
        return productUrl.replace("{sku}", java.net.URLEncoder.encode(sku.code(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
