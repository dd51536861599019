package restock.http;

import restock.forecast.Prediction;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import restock.common.InvalidInput;
import restock.common.CalendarLimits;
import restock.planning.DemandHistory;
import restock.service.PlanningQueries;
import restock.service.Restock;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import restock.planning.ForecastGrain;
import restock.planning.Planner;
import restock.planning.PlanningRun;

/** Planners' routes under /api/planning. */
final class PlanningRoutes {
    /** Without dates, the last 90 days. */
    static final int DEFAULT_DAYS = 90;

    private final Restock restock;
    private final PlanningQueries planning;

    PlanningRoutes(Restock restock) {
        this.restock = restock;
        this.planning = new PlanningQueries(restock);
    }

    void register(RoutesConfig routes) {
        routes.get("/api/planning/runs/latest", ctx -> {
            var run = restock.read(planning::latestRun)
                    .orElseThrow(() -> new restock.common.NotFound("run", "no planning run stored yet: the nightly run stores one at 02:00 UTC, and so does the"
                            + " console's planning page when it finds none; GET /api/planning/suggestions plans now without storing"));
            Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("id", run.id(), "ranAt", run.ranAt().toString(),
                    "serviceLevel", run.serviceLevel(), "skus", run.skus(), "suggested", run.suggested(), "planCsv", run.planCsv()));
            body.put("madeBy", run.madeBy().map(PlanningRun.MadeBy::code).orElse(null));
            ctx.json(body);
        });
        routes.get("/api/planning/chart/{sku}", ctx -> ctx.json(restock.read(h ->
                planning.chart(h, HttpCommands.sku(ctx), HttpCommands.queryInt(ctx, "weeks", 12)))));
        routes.get("/api/planning/forecast/{sku}", this::forecast);
        routes.get("/api/planning/suggestions", ctx -> {
            Optional<Double> level = HttpCommands.queryNumber(ctx, "serviceLevel");
            Optional<Double> fillRate = HttpCommands.queryNumber(ctx, "fillRate");
            if (level.isPresent() && fillRate.isPresent()) {
                throw new InvalidInput("fillRate", "give serviceLevel or fillRate, not both");
            }
            java.time.Instant plannedAt = restock.clock().instant();
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            List<Planner.SkuPlan> plans;
            if (fillRate.isPresent()) {
                if (!(fillRate.get() > 0.5 && fillRate.get() < 1)) {
                    throw new InvalidInput("fillRate", "fillRate must be between 0.5 and 1 (exclusive), was " + fillRate.get());
                }
                plans = restock.read(h -> planning.plan(h, new Planner.ServiceTarget.FillRate(fillRate.get()), done -> { }));
                body.put("fillRate", fillRate.get());
            } else {
                double serviceLevel = level.orElse(PlanningQueries.DEFAULT_SERVICE_LEVEL);
                plans = restock.read(h -> planning.plan(h, serviceLevel, done -> { }));
                body.put("serviceLevel", serviceLevel);
            }
            // This plan is made now and not stored; the console shows the latest stored one. Both are named, so the two
            // do not silently disagree (the page listed nothing for a SKU this route said runs out: an outside tester's check).
            body.put("plannedAt", plannedAt.toString());
            body.put("storedPlan", restock.read(planning::latestRun).map(run -> {
                Map<String, Object> stored = new java.util.LinkedHashMap<>();
                stored.put("id", run.id());
                stored.put("ranAt", run.ranAt().toString());
                stored.put("madeBy", run.madeBy().map(PlanningRun.MadeBy::code).orElse(null));
                return stored;
            }).orElse(null));
            body.put("suppliers", PlanViews.bySupplier(plans));
            body.put("stockouts", PlanViews.stockOuts(plans));
            ctx.json(body);
        });
        routes.get("/api/planning/demand/{sku}", ctx -> {
            LocalDate today = restock.books().today();
            LocalDate to = date(ctx, "to", today);
            LocalDate from = date(ctx, "from", to.minusDays(DEFAULT_DAYS - 1));
            DemandHistory.Grain grain = grain(ctx);
            var periods = restock.read(h -> planning.demand(h, HttpCommands.sku(ctx), from, to, grain));
            ctx.json(Map.of("sku", ctx.pathParam("sku"), "grain", grain.name().toLowerCase(Locale.ROOT), "periods", periods.stream()
                    .map(p -> Map.of("start", p.start().toString(), "demand", p.demand(), "ordered", p.ordered(), "backordered", p.backordered(),
                            "refused", p.refused(), "waitlisted", p.waitlisted(), "cancelledWhileWaiting", p.cancelledWhileWaiting(),
                            "censored", p.censored()))
                    .toList()));
        });
    }

    /** The forecast route: granularity (week or month, default by the SKU's volume), period and horizon in buckets. */
    private void forecast(Context ctx) {
        String method = Optional.ofNullable(ctx.queryParam("method")).orElse("auto");
        Optional<ForecastGrain> granularity = Optional.ofNullable(ctx.queryParam("granularity")).map(PlanningRoutes::granularity);
        Optional<Integer> horizon = optionalInt(ctx, "horizon");
        Optional<Integer> weeks = optionalInt(ctx, "weeks");
        if (weeks.isPresent() && (horizon.isPresent() || granularity.filter(g -> g != ForecastGrain.WEEK).isPresent())) {
            throw new InvalidInput("weeks", "weeks is the horizon of a weekly forecast; give horizon instead with granularity=month, and not both");
        }
        PlanningQueries.SkuForecast forecast = restock.read(h -> planning.forecast(h, HttpCommands.sku(ctx), method,
                weeks.isPresent() ? Optional.of(ForecastGrain.WEEK) : granularity, optionalInt(ctx, "period"), horizon.or(() -> weeks)));
        Prediction p = forecast.prediction();
        List<Map<String, Object>> periods = new java.util.ArrayList<>();
        for (int k = 0; k < p.mean().length; k++) {
            periods.add(Map.of("start", forecast.grain().plus(forecast.firstPeriod(), k).toString(), "mean", p.mean()[k],
                    "lo80", p.band80().lower()[k], "hi80", p.band80().upper()[k], "lo95", p.band95().lower()[k], "hi95", p.band95().upper()[k]));
        }
        ctx.json(Map.of("sku", ctx.pathParam("sku"), "method", p.method(), "granularity", forecast.grain().label(),
                "period", forecast.period(), "periods", periods));
    }

    private static Optional<Integer> optionalInt(Context ctx, String name) {
        return ctx.queryParam(name) == null ? Optional.empty() : Optional.of(HttpCommands.queryInt(ctx, name, 0));
    }

    private static ForecastGrain granularity(String value) {
        return switch (value) {
            case "week" -> ForecastGrain.WEEK;
            case "month" -> ForecastGrain.MONTH;
            default -> throw new InvalidInput("granularity", "granularity must be week or month, was '" + value + "'");
        };
    }

    static LocalDate date(Context ctx, String name, LocalDate fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            return CalendarLimits.require(name, LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, name + " must be a date as YYYY-MM-DD, was '" + value + "'");
        }
    }

    private static DemandHistory.Grain grain(Context ctx) {
        String value = ctx.queryParam("grain");
        if (value == null) {
            return DemandHistory.Grain.DAY;
        }
        try {
            return DemandHistory.Grain.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("grain", "grain must be day, week or month, was '" + value + "'");
        }
    }
}
