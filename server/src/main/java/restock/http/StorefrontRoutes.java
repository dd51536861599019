package restock.http;

import io.javalin.config.RoutesConfig;
import restock.service.Restock;

/** What storefronts read: availability for a SKU or a cart, schema.org offers, Merchant Center feeds, the promise calibration report. */
final class StorefrontRoutes {
    private final Restock restock;
    private final HttpCommands commands;
    private final Storefront storefront;

    StorefrontRoutes(Restock restock, HttpCommands commands, Storefront storefront) {
        this.restock = restock;
        this.commands = commands;
        this.storefront = storefront;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/availability/{sku}", ctx -> ctx.json(Views.AvailabilityView.of(restock.read(h ->
                restock.availability().availability(h, HttpCommands.sku(ctx), HttpCommands.queryInt(ctx, "quantity", 1))))));
        routes.post("/api/availability", ctx -> {
            var items = Requests.availabilityItems(JsonBody.parseObject(commands.mapper(), ctx.body()));
            ctx.json(java.util.Map.of("items", restock.read(h -> restock.availability().batch(h, items)).stream()
                    .map(Views.AvailabilityView::of).toList()));
        });
        routes.get("/api/products/{sku}/offer", ctx -> ctx.contentType("application/ld+json")
                .result(commands.toJson(storefront.offer(HttpCommands.sku(ctx), HttpCommands.queryInt(ctx, "quantity", 1)))));
        routes.get("/api/feeds/google-merchant.tsv", ctx -> ctx.contentType("text/tab-separated-values; charset=utf-8")
                .result(storefront.merchantFeed(Storefront.Format.TSV)));
        routes.get("/api/feeds/google-merchant.csv", ctx -> ctx.contentType("text/csv; charset=utf-8")
                .result(storefront.merchantFeed(Storefront.Format.CSV)));
        routes.get("/api/feeds/google-merchant.xml", ctx -> ctx.contentType("application/xml; charset=utf-8")
                .result(storefront.merchantFeed(Storefront.Format.XML)));
        routes.get("/api/reports/promises", ctx -> ctx.json(java.util.Map.of("buckets",
                restock.read(h -> restock.availability().calibration(h)))));

    }
}
