package restock.http;

import io.javalin.config.RoutesConfig;
import restock.service.Restock;

/** What storefronts read: availability for a SKU or a cart, schema.org offers, Merchant Center feeds, the promise calibration report. */
final class StorefrontRoutes {
    private final Restock restock;
    private final HttpCommands commands;
    private final Storefront storefront;
    private final Authentication authentication;

    StorefrontRoutes(Restock restock, HttpCommands commands, Storefront storefront, Authentication authentication) {
        this.restock = restock;
        this.commands = commands;
        this.storefront = storefront;
        this.authentication = authentication;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/availability/{sku}", ctx -> ctx.json(Views.AvailabilityView.of(restock.read(h ->
                restock.availability().availability(h, HttpCommands.sku(ctx), HttpCommands.queryInt(ctx, "quantity", 1))))));
        routes.post("/api/availability", ctx -> {
            var items = Requests.availabilityItems(JsonBody.parseObject(commands.mapper(), ctx.body()));
            ctx.json(java.util.Map.of("items", restock.read(h -> restock.availability().cart(h, items)).stream()
                    .map(Views.AvailabilityView::of).toList()));
        });
        routes.get("/api/products/{sku}/offer", ctx -> ctx.contentType("application/ld+json; charset=utf-8")
                .result(commands.toJson(storefront.offer(HttpCommands.sku(ctx), HttpCommands.queryInt(ctx, "quantity", 1)))));
        for (Storefront.Format format : Storefront.Format.values()) {
            String file = "google-merchant." + format.name().toLowerCase(java.util.Locale.ROOT);
            routes.get("/api/feeds/" + file, ctx -> ctx.contentType(format.contentType).result(storefront.merchantFeed(format)));
            // Merchant Center's scheduled fetch sends no Authorization header: a feeds key stands in the URL instead.
            routes.get("/feeds/{key}/" + file, ctx -> {
                authentication.authenticateFeed(ctx, ctx.pathParam("key"));
                RouteParameters.refuseUnknown(ctx);
                ctx.contentType(format.contentType).result(storefront.merchantFeed(format));
            });
        }
        routes.get("/api/reports/promises", ctx -> ctx.json(java.util.Map.of("buckets",
                restock.read(h -> restock.availability().calibration(h)))));

    }
}
