package restock.http;

import restock.catalog.Product;
import restock.catalog.Sku;
import restock.promise.MerchantFeed;
import restock.service.Restock;
import restock.service.StorefrontQueries;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Storefront outputs in their formats: schema.org offers and the Merchant Center feed, linking to the shop's pages. */
final class Storefront implements StorefrontQueries.Pages {
    enum Format {
        TSV("text/tab-separated-values; charset=utf-8"), CSV("text/csv; charset=utf-8"), XML("application/rss+xml; charset=utf-8");

        final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }
    }

    private final Restock restock;
    private final StorefrontQueries queries;
    private final String productUrl;
    private final String imageUrl;
    /** The shop's home page, the feed's own link. */
    private final String shopUrl;

    Storefront(Restock restock, String productUrl, String imageUrl, String shopUrl) {
        this.restock = restock;
        this.queries = new StorefrontQueries(restock);
        this.productUrl = productUrl;
        this.imageUrl = imageUrl;
        this.shopUrl = shopUrl;
    }

    Map<String, Object> offer(Sku sku, int quantity) {
        return restock.read(h -> queries.offer(h, sku, quantity, this));
    }

    String merchantFeed(Format format) {
        List<Map<String, String>> rows = restock.read(h -> queries.merchantRows(h, this));
        return switch (format) {
            case TSV -> MerchantFeed.delimited(rows, '\t');
            case CSV -> MerchantFeed.delimited(rows, ',');
            case XML -> MerchantFeed.xml(rows, shopUrl);
        };
    }

    @Override
    public String productPage(Sku sku) {
        return productUrl.replace("{sku}", URLEncoder.encode(sku.code(), StandardCharsets.UTF_8));
    }

    /** The product's own picture, or the shop's picture address for its SKU. */
    @Override
    public String image(Product product) {
        return product.listing().imageUrl().orElse(imageUrl.replace("{sku}", URLEncoder.encode(product.sku().code(), StandardCharsets.UTF_8)));
    }
}
