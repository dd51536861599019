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

    /** Where a product's page and picture are: the shop's addresses, or the product's own picture when it has one. */
    public interface Pages {
        String productPage(Sku sku);

        String image(Product product);
    }

    /** The schema.org Product and its Offer for a quantity. */
    public Map<String, Object> offer(Handle handle, Sku sku, int quantity, Pages pages) {
        Product product = restock.catalog().find(handle, sku);
        AvailabilityQueries.Answer answer = restock.availability().availability(handle, sku, quantity);
        return Offer.jsonLd(product, pages.productPage(sku), pages.image(product), answer.availability(), restock.books().today());
    }

    /**
     * Every listable product's feed row (availability for one unit), in SKU order; products that do not belong in a
     * feed (see {@link MerchantFeed#row}) are left out.
     */
    public List<Map<String, String>> merchantRows(Handle handle, Pages pages) {
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
                MerchantFeed.row(new MerchantFeed.Item(product, pages.productPage(product.sku()), pages.image(product),
                        answers.get(i).availability()), restock.books().today()).ifPresent(feed::add);
            }
            if (page.size() < FEED_PAGE_SIZE) {
                // A short page is the last: asking for the next one would read nothing, a round trip for each feed.
                return feed;
            }
            after = page.get(page.size() - 1).sku().code();
        }
    }
}
