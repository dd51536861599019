package restock.http;

import restock.catalog.Product;
import restock.catalog.Sku;
import restock.promise.MerchantFeed;
import restock.promise.Offer;
import restock.service.AvailabilityQueries;
import restock.service.Restock;
import restock.orders.OrderRequest;
import restock.store.SqlCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Storefront outputs built from the availability projection: schema.org offers and the Merchant Center feed. */
final class Storefront {
    /** Products per page read while writing a feed. */
    static final int FEED_PAGE_SIZE = 200;
    /** Google accepts far more, but a feed this large should be split by the shop; past it the feed is refused. */
    static final int MAX_FEED_ITEMS = 100_000;

    enum Format { TSV, CSV, XML }

    private final Restock restock;
    private final String productUrl;

    Storefront(Restock restock, String productUrl) {
        this.restock = restock;
        this.productUrl = productUrl;
    }

    Map<String, Object> offer(Sku sku, int quantity) {
        return restock.read(h -> {
            Product product = restock.catalog().find(h, sku);
            AvailabilityQueries.Answer answer = restock.availability().availability(h, sku, quantity);
            return Offer.jsonLd(sku.code(), product.name(), product.price().amountMinor(), product.price().currency(),
                    link(sku), answer.availability());
        });
    }

    String merchantFeed(Format format) {
        List<Map<String, String>> rows = restock.read(h -> {
            List<Map<String, String>> feed = new ArrayList<>();
            String after = "";
            while (true) {
                List<Product> page = SqlCatalog.listProducts(h, FEED_PAGE_SIZE, after);
                if (page.isEmpty()) {
                    return feed;
                }
                if (feed.size() + page.size() > MAX_FEED_ITEMS) {
                    throw new IllegalStateException("the catalog holds more than " + MAX_FEED_ITEMS + " products; feeds that large are not served");
                }
                var answers = restock.availability().batch(h, page.stream().map(p -> new OrderRequest.Line(p.sku(), 1)).toList());
                for (int i = 0; i < page.size(); i++) {
                    Product product = page.get(i);
                    feed.add(MerchantFeed.row(new MerchantFeed.Item(product.sku().code(), product.name(), product.price().amountMinor(),
                            product.price().currency(), link(product.sku()), answers.get(i).availability()), restock.books().today()));
                }
                after = page.get(page.size() - 1).sku().code();
            }
        });
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
