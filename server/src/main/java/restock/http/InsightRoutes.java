package restock.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import restock.service.InsightQueries;
import restock.service.Restock;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Root causes and KPIs under /api/insight: reads only (they classify pending backorder events first). */
final class InsightRoutes {
    /** Without dates, the last 90 days. */
    static final int DEFAULT_DAYS = 90;
    static final int DEFAULT_PAGE_SIZE = 100;

    private final Restock restock;
    private final InsightQueries insight;

    InsightRoutes(Restock restock, InsightQueries insight) {
        this.restock = restock;
        this.insight = insight;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/insight/causes", this::causes);
        routes.get("/api/insight/causes/summary", ctx -> {
            InsightQueries.Period period = period(ctx);
            String grain = Optional.ofNullable(ctx.queryParam("grain")).orElse("week");
            ctx.json(Map.of("from", period.from().toString(), "to", period.to().toString(), "grain", grain,
                    "periods", insight.causeSummary(period, grain)));
        });
    }

    private void causes(Context ctx) {
        InsightQueries.Period period = period(ctx);
        Optional<String> sku = Optional.ofNullable(ctx.queryParam("sku")).map(code -> Requests.sku("", code).code());
        Optional<Long> before = Optional.ofNullable(ctx.queryParam("before")).map(InsightRoutes::eventId);
        InsightQueries.CausePage page = insight.causes(sku, Optional.ofNullable(ctx.queryParam("cause")), period, before,
                HttpCommands.queryInt(ctx, "limit", DEFAULT_PAGE_SIZE));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("next", page.next().orElse(null));
        ctx.json(body);
    }

    private static long eventId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new restock.common.InvalidInput("before", "before must be an event id (the next value of a page), was '" + value + "'");
        }
    }

    /** from/to as dates, both included; without them the last {@value #DEFAULT_DAYS} days to today. */
    InsightQueries.Period period(Context ctx) {
        LocalDate today = restock.books().today();
        LocalDate to = PlanningRoutes.date(ctx, "to", today);
        LocalDate from = PlanningRoutes.date(ctx, "from", to.minusDays(DEFAULT_DAYS - 1));
        return new InsightQueries.Period(from, to);
    }
}
