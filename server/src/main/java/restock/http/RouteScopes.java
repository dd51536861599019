package restock.http;

import restock.access.Scope;

import java.util.Set;

/**
 * Which key scopes may call which route, by method and path template. Operations keys call everything; reporting
 * keys every read (GET, and the two POSTs that only compute an answer) except the key list; storefront keys what a
 * shop's pages need; feeds keys the Merchant feeds. A route missing here is for operations keys only, so a new route is closed until it is listed.
 * openapi.yaml declares the same per operation (RouteScopesTest compares them).
 */
final class RouteScopes {
    static final Set<String> STOREFRONT = Set.of(
            "GET /api/products/{sku}",
            "GET /api/products/{sku}/offer",
            "GET /api/availability/{sku}",
            "POST /api/availability",
            "GET /api/feeds/google-merchant.tsv",
            "GET /api/feeds/google-merchant.csv",
            "GET /api/feeds/google-merchant.xml",
            "POST /api/orders",
            "POST /api/waitlist",
            "POST /api/payments/setup",
            "POST /api/payments/pay-link");
    /** What feeds keys may fetch, with the key in a header or in the URL (/feeds/{key}/...). */
    static final Set<String> FEEDS = Set.of(
            "GET /api/feeds/google-merchant.tsv",
            "GET /api/feeds/google-merchant.csv",
            "GET /api/feeds/google-merchant.xml");
    /** POST routes that change nothing: they compute an answer from a body too large or structured for a query. */
    static final Set<String> READS_BY_POST = Set.of("POST /api/availability", "POST /api/offer-rules/preview");
    /**
     * Reads that only operations keys may make: the keys, and the messages the relay could not store, whose reasons
     * are the database's or the renderer's own words (statements, values a customer typed).
     */
    static final Set<String> OPERATIONS_ONLY_READS = Set.of("GET /api/keys", "GET /api/outbox/unstored");

    private RouteScopes() {
    }

    static boolean allows(Scope scope, String method, String pathTemplate) {
        String route = method + " " + pathTemplate;
        return switch (scope) {
            case OPERATIONS -> true;
            case STOREFRONT -> STOREFRONT.contains(route);
            case FEEDS -> FEEDS.contains(route);
            case REPORTING -> (method.equals("GET") && !OPERATIONS_ONLY_READS.contains(route)) || READS_BY_POST.contains(route);
        };
    }
}
