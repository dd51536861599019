package restock.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import restock.common.InvalidInput;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters each API route takes, by method and path template; a route missing here takes none. Every
 * route refuses any other, and one given twice, before its handler runs: a storefront's {@code ?qty=500} was answered
 * for one unit and {@code ?lmit=3} gave the default page, while three lists refused the same typos.
 * openapi.yaml declares the same per operation (RouteParametersTest compares them).
 */
final class RouteParameters {
    private static final Set<String> PAGE_AFTER = Set.of("after", "limit");
    private static final Set<String> PAGE_BEFORE = Set.of("before", "limit");
    private static final Set<String> KPIS = Set.of("by", "grain", "from", "to", "sku");

    static final Map<String, Set<String>> QUERY = Map.ofEntries(
            Map.entry("GET /api/products", Set.of("after", "limit", "category")),
            Map.entry("GET /api/products/{sku}/offer", Set.of("quantity")),
            Map.entry("GET /api/availability/{sku}", Set.of("quantity")),
            Map.entry("GET /api/stock", PAGE_AFTER),
            Map.entry("GET /api/purchase-orders", Set.of("status", "sku", "after", "limit")),
            Map.entry("GET /api/orders/to-ship", PAGE_AFTER),
            Map.entry("GET /api/messages", Set.of("recipient", "before", "limit")),
            Map.entry("GET /api/planning/demand/{sku}", Set.of("from", "to", "grain")),
            Map.entry("GET /api/planning/chart/{sku}", Set.of("weeks")),
            Map.entry("GET /api/planning/forecast/{sku}", Set.of("method", "granularity", "period", "horizon", "weeks")),
            Map.entry("GET /api/planning/suggestions", Set.of("serviceLevel", "fillRate")),
            Map.entry("GET /api/outbox", Set.of("channel", "status", "endpointId", "topic", "before", "limit")),
            Map.entry("GET /api/outbox/unstored", PAGE_BEFORE),
            Map.entry("GET /api/insight/causes", Set.of("sku", "cause", "from", "to", "before", "limit")),
            Map.entry("GET /api/insight/causes/summary", Set.of("from", "to", "grain")),
            Map.entry("GET /api/insight/kpis", KPIS),
            Map.entry("GET /api/insight/kpis.csv", KPIS),
            Map.entry("GET /api/suppliers", PAGE_AFTER));

    private RouteParameters() {
    }

    /** The query parameters a route takes (none when it is not listed). */
    static Set<String> of(String method, String pathTemplate) {
        return QUERY.getOrDefault(method + " " + pathTemplate, Set.of());
    }

    /**
     * Once the route is matched: refuses a query parameter it does not take, naming the one it likely meant, and one
     * given twice. The route is named by its template, so a feed's key in its path is not repeated back.
     */
    static void refuseUnknown(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null || ctx.queryParamMap().isEmpty()) {
            return;
        }
        String route = endpoint.method.name() + " " + endpoint.path;
        Set<String> allowed = of(endpoint.method.name(), endpoint.path);
        ctx.queryParamMap().forEach((name, values) -> {
            if (!allowed.contains(name)) {
                String meant = JsonBody.meant(name, allowed).map(known -> " did you mean '" + known + "'?").orElse("");
                String takes = allowed.isEmpty() ? " takes no query parameters" : " takes " + String.join(", ", new TreeSet<>(allowed));
                throw new InvalidInput(name, "unknown query parameter '" + name.substring(0, Math.min(name.length(), 64)) + "';"
                        + meant + " " + route + takes);
            }
            if (values.size() > 1) {
                throw new InvalidInput(name, "query parameter " + name + " is given " + values.size() + " times; give it once");
            }
        });
    }
}
