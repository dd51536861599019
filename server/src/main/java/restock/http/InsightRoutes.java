package restock.http;

import restock.service.KpiCsv;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import restock.service.InsightQueries;
import restock.service.Restock;

import restock.insight.KpiRow;
import restock.insight.Kpis;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
        routes.get("/api/insight/kpis", ctx -> {
            KpiRequest request = kpiRequest(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("from", request.period().from().toString());
            body.put("to", request.period().to().toString());
            body.put("by", request.by().name().toLowerCase(Locale.ROOT));
            body.put("grain", request.grain().name().toLowerCase(Locale.ROOT));
            body.put("rows", insight.kpis(request.period(), request.by(), request.grain(), request.sku()));
            ctx.json(body);
        });
        routes.get("/api/insight/kpis.csv", ctx -> {
            KpiRequest request = kpiRequest(ctx);
            List<KpiRow> rows = insight.kpis(request.period(), request.by(), request.grain(), request.sku());
            String csv = KpiCsv.write(rows);
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"kpis-" + request.by().name().toLowerCase(Locale.ROOT) + "-"
                            + request.period().from() + "-" + request.period().to() + ".csv\"")
                    .result(csv);
        });
        routes.get("/api/insight/causes/summary", ctx -> {
            InsightQueries.Period period = period(ctx);
            String grain = Optional.ofNullable(ctx.queryParam("grain")).orElse("week");
            ctx.json(Map.of("from", period.from().toString(), "to", period.to().toString(), "grain", grain,
                    "periods", insight.causeSummary(period, grain)));
        });
    }

    /** A KPI request's arguments, validated before anything is read. */
    record KpiRequest(InsightQueries.Period period, Kpis.By by, Kpis.Grain grain, Optional<String> sku) {
    }

    KpiRequest kpiRequest(Context ctx) {
        InsightQueries.Period period = period(ctx);
        Kpis.By by = choice(ctx, "by", Kpis.By.class, Kpis.By.SKU);
        Kpis.Grain grain = choice(ctx, "grain", Kpis.Grain.class, Kpis.Grain.WEEK);
        Optional<String> sku = Optional.ofNullable(ctx.queryParam("sku")).map(code -> Requests.sku("", code).code());
        return new KpiRequest(period, by, grain, sku);
    }

    private static <E extends Enum<E>> E choice(Context ctx, String name, Class<E> type, E fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        throw new restock.common.InvalidInput(name, name + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", was '" + value + "'");
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
