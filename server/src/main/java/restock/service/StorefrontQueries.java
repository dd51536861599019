package restock.service;

import org.jdbi.v3.core.Handle;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.orders.OrderRequest;
import restock.promise.MerchantFeed;
import restock.promise.Offer;
import restock.store.SqlCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What storefronts and shopping feeds are told: the schema.org offer and the Merchant Center rows, each presenting
 * the availability answer for its SKU (so they say what an order would get).
 */
public final class StorefrontQueries {
    /** Products per page read while writing a feed. */
    static final int FEED_PAGE_SIZE = AvailabilityQueries.MAX_BATCH;
    /** Google accepts far more, but a feed this large should be split by the shop; past it the feed is refused. */
    public static final int MAX_FEED_ITEMS = 100_000;

    private final Restock restock;

    public StorefrontQueries(Restock restock) {
        this.restock = restock;
    }

    /** The offer for a quantity, linking to {@code link}. */
    public Map<String, Object> offer(Handle handle, Sku sku, int quantity, String link) {
        Product product = restock.catalog().find(handle, sku);
        AvailabilityQueries.Answer answer = restock.availability().availability(handle, sku, quantity);
        return Offer.jsonLd(sku.code(), product.name(), product.price().amountMinor(), product.price().currency(), link,
                answer.availability());
    }

    /** Every product's feed row (availability for one unit), in SKU order; {@code link} gives each product's page. */
    public List<Map<String, String>> merchantRows(Handle handle, Function<Sku, String> link) {
        List<Map<String, String>> feed = new ArrayList<>();
        String after = "";
        while (true) {
            List<Product> page = SqlCatalog.listProducts(handle, FEED_PAGE_SIZE, after);
            if (page.isEmpty()) {
                return feed;
            }
            if (feed.size() + page.size() > MAX_FEED_ITEMS) {
                throw new IllegalStateException("the catalog holds more than " + MAX_FEED_ITEMS + " products; feeds that large are not served");
            }
            var answers = restock.availability().batch(handle, page.stream().map(p -> new OrderRequest.Line(p.sku(), 1)).toList());
            for (int i = 0; i < page.size(); i++) {
                Product product = page.get(i);
                feed.add(MerchantFeed.row(new MerchantFeed.Item(product.sku().code(), product.name(), product.price().amountMinor(),
                        product.price().currency(), link.apply(product.sku()), answers.get(i).availability()), restock.books().today()));
            }
            after = page.get(page.size() - 1).sku().code();
        }
    }
}
