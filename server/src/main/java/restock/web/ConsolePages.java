package restock.web;

import restock.catalog.Supplier;
import restock.service.CatalogEdits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.insight.Alerts;
import restock.insight.Kpis;
import restock.views.ConsoleRows;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.payments.LinePayment;
import restock.planning.Planner;
import restock.planning.PlanningRun;
import restock.planning.SupplierLeadTime;
import restock.purchasing.PurchaseOrder;
import restock.service.ConsoleQueries;
import restock.service.InsightQueries;
import restock.service.KpiCsv;
import restock.service.PlanningQueries;
import restock.service.Restock;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The console's pages that only show: each loads through a service and hands the values to its template. */
final class ConsolePages {
    /** Weeks ahead on a SKU's chart. */
    static final int CHART_WEEKS_AHEAD = 12;

    private final Console console;
    private final Restock restock;
    private final ConsoleQueries queries;
    private final PlanningQueries planning;
    private final restock.service.InsightQueries insight;
    private final OverviewCharts charts;
    private final ProductEditor editor;
    private final SupplierEditor suppliers;
    private final PlanAgainPanel planAgain;
    /** Days of backorder events whose causes the overview sums up. */
    static final int CAUSE_DAYS = 30;

    ConsolePages(Console console, Restock restock, ConsoleQueries queries, PlanningQueries planning, PlanAgainPanel planAgain) {
        this.console = console;
        this.planAgain = planAgain;
        this.restock = restock;
        this.queries = queries;
        this.planning = planning;
        this.insight = new restock.service.InsightQueries(restock);
        this.charts = new OverviewCharts(insight, restock);
        this.editor = new ProductEditor(console, restock);
        this.suppliers = new SupplierEditor(console, restock, queries, planning);
    }

    void register(RoutesConfig routes) {
        routes.get("/console/overview", console.page(this::overview));
        routes.get("/console/overview/trend.json", console.page(ctx -> ctx.json(OverviewCharts.TrendDays.of(queries.trend()))));
        routes.get("/console/overview/kpis.json", console.page(ctx -> ctx.json(charts.kpiWeeks())));
        routes.get("/console/overview/kpis.csv", console.page(this::kpisCsv));
        routes.get("/console/overview/causes.json", console.page(ctx -> ctx.json(charts.causeWeeks())));
        routes.get("/console/backorders", console.page(this::backorders));
        routes.get("/console/orders", console.page(this::orders));
        routes.get("/console/orders/{id}", console.page(this::order));
        routes.get("/console/purchase-orders", console.page(ctx -> purchaseOrders(ctx, ConsoleActions.PURCHASE_ORDER_FORM.blank())));
        routes.get("/console/purchase-orders/{id}", console.page(ctx -> purchaseOrder(ctx, ConsoleActions.RECEIVE_FORM.blank())));
        routes.get("/console/suppliers", console.page(ctx -> console.render(ctx, "console/suppliers.jte", "suppliers",
                Map.of("suppliers", queries.suppliers()))));
        routes.get("/console/products", console.page(this::products));
        routes.get("/console/skus/{sku}", console.page(ctx -> skuPage(ctx, ProductEditor.FORM.blank())));
        routes.get("/console/skus/{sku}/chart.json", console.page(ctx -> ctx.json(SkuChart.of(restock.read(h ->
                planning.chart(h, sku(ctx), CHART_WEEKS_AHEAD))))));
        routes.get("/console/waitlists", console.page(ctx -> console.render(ctx, "console/waitlists.jte", "waitlists",
                Map.of("waitlists", queries.waitlists(), "rules", queries.offerRules()))));
        routes.get("/console/planning", console.page(ctx -> planning(ctx, ConsoleActions.SUGGESTIONS_FORM.blank())));
        editor.register(routes, this::skuPage);
        // The list is /console/products, so a product's page was looked for under it and answered 404 (a newcomer's finding).
        // Registered after /console/products/new, which is matched first.
        routes.get("/console/products/{sku}", console.page(ctx -> ctx.redirect("/console/skus/" + sku(ctx).code(), HttpStatus.SEE_OTHER)));
        suppliers.register(routes);
    }

    private void overview(Context ctx) {
        Optional<restock.service.InsightQueries.OverviewAlerts> alerts = insight.alerts(ConsoleQueries.ALERT_ROWS, planning::latestPlans, planning.latestRunId());
        var kpis = insight.overallAsOf(CAUSE_DAYS);
        console.render(ctx, "console/overview.jte", "overview", Map.of("overview", queries.overview(),
                "causes", insight.mainCauses(CAUSE_DAYS), "causeDays", CAUSE_DAYS,
                "kpis", kpis.map(InsightQueries.AsOf::figures),
                "kpisReadAt", kpis.map(InsightQueries.AsOf::readAt),
                "kpisKeptFor", InsightQueries.OVERVIEW_KEPT_FOR,
                "trendWeeks", OverviewCharts.TREND_WEEKS,
                "alerts", alerts.orElse(new InsightQueries.OverviewAlerts(List.of(), 0, restock.clock().instant(), PlanningRun.MadeBy.FIRST_NEED, List.of())),
                "alertsReading", alerts.isEmpty(),
                // Read on each visit, as the planning page does (the alerts are kept per plan): a run-out ordered since the
                // plan was made is marked so, where the overview listed it as if nothing had been done.
                "orderedSince", alerts.map(kept -> planning.orderedSince(kept.plannedAt())).orElse(java.util.Set.of())));
    }

    private void backorders(Context ctx) {
        String typed = Optional.ofNullable(ctx.queryParam("sku")).map(String::strip).orElse("");
        ConsoleQueries.QueueFilter filter = queries.queueFilter(typed);
        Optional<Sku> sku = filter instanceof ConsoleQueries.QueueFilter.OneProduct one ? Optional.of(one.sku()) : Optional.empty();
        List<ConsoleRows.QueueLine> lines = filter instanceof ConsoleQueries.QueueFilter.Everything || sku.isPresent()
                ? queries.backorderQueue(sku) : List.of();
        console.render(ctx, "console/backorders.jte", "backorders", Map.of("lines", lines, "filter", filter,
                "sku", sku.map(Sku::code).orElse(typed), "typed", typed, "now", restock.clock().instant(), "limit", ConsoleQueries.PAGE_ROWS));
    }

    private void orders(Context ctx) {
        String search = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        console.render(ctx, "console/orders.jte", "orders", Map.of("orders", queries.orders(search), "q", search,
                "limit", ConsoleQueries.PAGE_ROWS));
    }

    /** A cancel link's token as {@link restock.common.SignedLinks} makes it: two URL-safe Base64 parts. */
    private static final java.util.regex.Pattern CANCEL_TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,400}\\.[A-Za-z0-9_-]{1,200}");

    /**
     * The customer's cancel link just made for the order, to show as a link with a Copy button (it was plain text in the
     * message, to select by hand: an outside tester's finding). Built here from a token of the right shape only, so the
     * address cannot carry anything else into the page.
     */
    private static String customerCancelLink(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("link")).filter(token -> CANCEL_TOKEN.matcher(token).matches())
                .map(token -> ctx.scheme() + "://" + ctx.host() + "/cancel/" + token).orElse("");
    }

    private void order(Context ctx) {
        long id = id(ctx);
        record Loaded(Order order, Map<Long, LinePayment> payments, List<restock.orders.Cancellation> cancellations) {
        }
        Loaded loaded = restock.read(h -> {
            Order order = restock.orders().find(h, id);
            return new Loaded(order, restock.orders().payments(h, order), restock.orders().cancellations(h, order));
        });
        Order order = loaded.order();
        Map<String, String> names = queries.productNames(order.lines().stream().map(OrderLine::sku).toList());
        console.render(ctx, "console/order.jte", "orders", Map.of("order", order, "payments", loaded.payments(), "names", names,
                "cancellations", loaded.cancellations(), "cancelLink", customerCancelLink(ctx)));
    }

    /**
     * The purchase orders a page at a time, and the form for a new one: blank, as a refusal sent it back, or filled in for
     * a SKU by an "Order some" link ({@code ?sku=}): its usual supplier and the latest plan's suggested quantity, unless the
     * link names them ({@code supplier=}, {@code quantity=}).
     */
    void purchaseOrders(Context ctx, FormState form) {
        Optional<String> status = Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank());
        status.ifPresent(s -> PurchaseOrder.Status.valueOf(requireStatus(s).toUpperCase(java.util.Locale.ROOT)));
        Optional<ConsoleRows.Lateness> lateness = lateness(ctx);
        Optional<Sku> sku = Optional.ofNullable(ctx.queryParam("sku")).map(String::strip).filter(s -> !s.isEmpty()).map(Sku::of);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("list", queries.purchaseOrders(status, lateness, pageNumber(ctx)));
        model.put("status", status.orElse(""));
        model.put("lateness", lateness.map(ConsoleRows.Lateness::code).orElse(""));
        model.put("kind", (status.orElse("") + " " + lateness.map(ConsoleRows.Lateness::words).orElse("")).strip());
        model.put("suppliers", queries.suppliers().stream().map(ConsoleRows.SupplierRow::name).toList());
        String supplier = Optional.ofNullable(ctx.queryParam("supplier")).map(String::strip).filter(s -> !s.isEmpty())
                .or(() -> sku.flatMap(queries::usualSupplier)).orElse("");
        Optional<SupplierLeadTime> leadTime = supplier.isEmpty() ? Optional.empty()
                : Optional.of(restock.read(h -> planning.leadTimeNamed(h, supplier)));
        // Without a supplier named the dates are left blank, for the one staff name ({@link #defaultExpected} when sent):
        // filled in 14 days out, they stayed 14 days out for the supplier typed after (one that states 35).
        model.put("defaultExpected", leadTime.map(known -> known.expectedFrom(restock.books().today()).toString()).orElse(""));
        model.put("expectedNote", expectedNote(supplier, leadTime));
        model.put("sku", sku.map(Sku::code).orElse(""));
        model.put("supplier", supplier);
        Optional<String> quantity = Optional.ofNullable(ctx.queryParam("quantity")).filter(q -> q.matches("[0-9]{1,9}"));
        Optional<Planner.SkuPlan> plan = sku.filter(s -> quantity.isEmpty()).flatMap(this::latestPlan);
        model.put("quantity", quantity.or(() -> plan.filter(p -> p.suggestedQuantity() > 0).map(p -> Integer.toString(p.suggestedQuantity()))).orElse(""));
        model.put("quantityNote", sku.isEmpty() || quantity.isPresent() ? "" : quantityNote(sku.get(), plan));
        model.put("form", form);
        console.render(ctx, "console/purchase-orders.jte", "purchase-orders", model);
    }

    /**
     * The day a purchase order to the supplier of this name is expected when its form leaves the date blank: today
     * after the lead time the plan uses for it ({@link SupplierLeadTime}), {@link Planner#DEFAULT_LEAD_TIME_DAYS} days
     * for a name not on record.
     */
    LocalDate defaultExpected(String supplier) {
        return restock.read(h -> planning.leadTimeNamed(h, supplier)).expectedFrom(restock.books().today());
    }

    /** The latest plan's line for the SKU, if it has one. */
    private Optional<Planner.SkuPlan> latestPlan(Sku sku) {
        return planning.latestPlans().plans().stream().filter(plan -> plan.sku().equals(sku.code())).findFirst();
    }

    /**
     * Which lead time the expected dates were filled in with: every "Order some" filled them 14 days out, whatever the
     * supplier (one states 35), and did not say so (an outside check); then with the stated 35 while the plan, and the
     * planning page's words, used the 39 its deliveries took (a newcomer's check). Now the plan's lead time, said whence.
     */
    static String expectedNote(String supplier, Optional<SupplierLeadTime> leadTime) {
        if (supplier.isEmpty() || leadTime.isEmpty()) {
            return "An expected date left blank is filled in when the order is made, after the supplier's lead time: learned from its"
                    + " deliveries, else the one it states, else " + Planner.DEFAULT_LEAD_TIME_DAYS + " days.";
        }
        SupplierLeadTime known = leadTime.get();
        String note = "Expected dates are filled in " + known.plannedDays() + " days out, the lead time the plan uses for " + supplier
                + " (" + known.words() + ")";
        return known.statedDays().isEmpty() && known.deliveredDays().isEmpty() ? note + "; set one on its supplier page." : note + ".";
    }

    /**
     * What the units filled in for an "Order some" link came from, or why none were: the form opened blank for a SKU
     * the plan lists as running out, with nothing said (an outside check).
     */
    static String quantityNote(Sku sku, Optional<Planner.SkuPlan> plan) {
        if (plan.isEmpty()) {
            return "No units filled in: the latest plan has no line for " + sku.code() + " (added since it ran, or discontinued).";
        }
        if (plan.get().suggestedQuantity() > 0) {
            return "Units filled in from the latest plan's suggestion for " + sku.code() + ".";
        }
        // In staff words: the planner's own reason ("nothing to order: the position 1759 (...)") read as jargon here too.
        return "No units filled in: the latest plan suggests none for " + sku.code() + ": " + PlanWords.covered(plan.get()) + ".";
    }

    /** The list's page number ({@code ?page=}, from 1). */
    private static int pageNumber(Context ctx) {
        String value = Optional.ofNullable(ctx.queryParam("page")).map(String::strip).orElse("1");
        if (!value.matches("[0-9]{1,9}")) {
            throw new InvalidInput("page", "page is a number from 1 to " + ConsoleQueries.MAX_PURCHASE_ORDER_PAGE + ", was '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    /**
     * The list's filter by lines still owed ({@code ?lateness=}): late, overdue, or either (the overview's card leads to
     * that one); none when blank. The list had no way to show only these (an outside check).
     */
    private static Optional<ConsoleRows.Lateness> lateness(Context ctx) {
        Optional<String> code = Optional.ofNullable(ctx.queryParam("lateness")).map(String::strip).filter(s -> !s.isEmpty());
        if (code.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ConsoleRows.Lateness.ofCode(code.get()).orElseThrow(() -> new InvalidInput("lateness",
                "lateness is late, overdue or late-or-overdue, was '" + code.get() + "'")));
    }

    private static String requireStatus(String status) {
        if (!List.of("open", "closed", "cancelled").contains(status)) {
            throw new InvalidInput("status", "status is open, closed or cancelled, was '" + status + "'");
        }
        return status;
    }

    /** A purchase order, with its receipt form blank or as a refusal sent it back. */
    void purchaseOrder(Context ctx, FormState form) {
        PurchaseOrder order = restock.read(h -> restock.purchasing().find(h, id(ctx)));
        Map<String, String> names = queries.productNames(order.lines().stream().map(PurchaseOrder.Line::sku).toList());
        // A purchase order knows its supplier by name; the name leads to the supplier's page.
        Optional<Long> supplierId = restock.read(h -> restock.catalogEdits().supplierNamed(h, order.supplier())).map(Supplier::id);
        console.render(ctx, "console/purchase-order.jte", "purchase-orders", Map.of("order", order, "names", names,
                "today", restock.books().today(), "supplierId", supplierId, "form", form, "waiting", queries.waitingOn(order.id())));
    }

    private void products(Context ctx) {
        String after = Optional.ofNullable(ctx.queryParam("after")).orElse("");
        var products = queries.products(after);
        String next = products.next(named -> named.level().sku().code()).orElse("");
        console.render(ctx, "console/products.jte", "products", Map.of("products", products.items(), "next", next));
    }

    /** A SKU's page with its two forms (count, edit): blank, or one of them as a refusal sent it back. */
    void skuPage(Context ctx, FormState form) {
        console.render(ctx, "console/sku.jte", "products", Map.of("detail", queries.sku(sku(ctx)), "now", restock.clock().instant(),
                "edit", editor.form(sku(ctx)), "editForm", form.or(ProductEditor.FORM), "countForm", form.or(StockCountForm.FORM)));
    }

    /**
     * The overview's figures of the last {@link #CAUSE_DAYS} days per SKU, supplier, category or month as a spreadsheet, for
     * staff signed in: the overview said to ask a developer, as /api/insight/kpis.csv takes an API key (an outside tester's
     * check). The same rows and CSV as that route ({@link restock.service.KpiCsv}).
     */
    private void kpisCsv(Context ctx) {
        String by = java.util.Optional.ofNullable(ctx.queryParam("by")).orElse("sku");
        Kpis.By rows = switch (by) {
            case "sku" -> Kpis.By.SKU;
            case "supplier" -> Kpis.By.SUPPLIER;
            case "category" -> Kpis.By.CATEGORY;
            case "month" -> Kpis.By.PERIOD;
            default -> throw new InvalidInput("by", "by must be sku, supplier, category or month, was '" + by + "'");
        };
        LocalDate today = restock.books().today();
        InsightQueries.Period period = new InsightQueries.Period(today.minusDays(CAUSE_DAYS - 1L), today);
        String csv = KpiCsv.write(insight.kpis(period, rows, Kpis.Grain.MONTH, java.util.Optional.empty()));
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"kpis-" + by + "-" + period.from() + "-" + period.to() + ".csv\"")
                .result(csv);
    }

    /** Suggestions on the planning page: the ones to order soonest (the rest stay in the stored run's CSV). */
    static final int SUGGESTION_ROWS = 200;
    /** SKUs listed as running out before their next receipt: the soonest. */
    static final int STOCK_OUT_ROWS = 50;

    /**
     * The latest stored planning run (the nightly one, or the first plan made when none was stored), not a plan made
     * per request: planning 50,000 SKUs takes far longer than a page may. Suggestions for SKUs ordered since the run are
     * left out: they are done. A refused suggestion form comes back in the section it was sent from.
     */
    void planning(Context ctx, FormState form) {
        PlanningQueries.StoredPlans stored = planning.latestPlans();
        List<Planner.SkuPlan> plans = stored.plans();
        java.util.Set<String> ordered = planning.orderedSince(stored.ranAt());
        List<Planner.SkuPlan> suggestions = plans.stream().filter(plan -> plan.suggestedQuantity() > 0 && !ordered.contains(plan.sku())).toList();
        Map<String, List<Planner.SkuPlan>> bySupplier = new TreeMap<>();
        suggestions.stream()
                .sorted(java.util.Comparator.comparing((Planner.SkuPlan plan) -> plan.orderBy().orElse(LocalDate.MAX)).thenComparing(Planner.SkuPlan::sku))
                .limit(SUGGESTION_ROWS)
                .forEach(plan -> bySupplier.computeIfAbsent(plan.supplier(), s -> new java.util.ArrayList<>()).add(plan));
        LocalDate plannedOn = LocalDate.ofInstant(stored.ranAt(), java.time.ZoneOffset.UTC);
        LocalDate today = restock.books().today();
        List<Alerts.StockOut> stockOuts = Alerts.stockOuts(plans, plannedOn, STOCK_OUT_ROWS);
        java.util.Set<String> shownSkus = new java.util.HashSet<>();
        Map<String, String> why = new java.util.HashMap<>();
        bySupplier.values().forEach(rows -> rows.forEach(plan -> {
            shownSkus.add(plan.sku());
            why.put(plan.sku(), PlanWords.suggestion(plan, plannedOn, today));
        }));
        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, String> stockOutNotes = new java.util.HashMap<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        stockOuts.forEach(out -> listed.add(out.sku()));
        plans.stream().filter(plan -> listed.contains(plan.sku())).forEach(plan -> stockOutNotes.put(plan.sku(),
                PlanWords.stockOutNote(plan, ordered.contains(plan.sku()), shownSkus.contains(plan.sku()), plannedOn, today)));
        // "Bring that delivery forward" links the purchase order it means, where the expected date is changed with the supplier.
        Map<String, ConsoleRows.IncomingRow> deliveries = queries.nextDeliveries(plans.stream().filter(plan -> listed.contains(plan.sku())
                && PlanWords.advisesBringingForward(plan, ordered.contains(plan.sku()))).map(Planner.SkuPlan::sku).toList());
        model.put("deliveries", deliveries);
        model.put("bySupplier", bySupplier);
        model.put("why", why);
        model.put("stockOuts", stockOuts);
        model.put("stockOutNotes", stockOutNotes);
        model.put("leadTimes", leadTimesOf(bySupplier.keySet()));
        model.put("today", today);
        model.put("serviceLevel", stored.serviceLevel());
        model.put("skus", plans.size());
        model.put("ranAt", stored.ranAt());
        model.put("madeBy", stored.madeBy());
        model.put("runId", stored.runId());
        model.put("planAgain", planAgain.view(stored.runId()));
        model.put("changed", planning.changedSince(stored.ranAt()));
        model.put("orderedSince", ordered.stream().sorted().limit(PlanningQueries.CHANGED_SKUS_SHOWN).toList());
        model.put("orderedSinceCount", ordered.size());
        model.put("suggestions", suggestions.size());
        model.put("shown", Math.min(suggestions.size(), SUGGESTION_ROWS));
        model.put("form", form);
        model.put("suppliers", bySupplier.containsKey(Planner.NO_SUPPLIER)
                ? queries.suppliers().stream().map(ConsoleRows.SupplierRow::name).sorted().toList() : List.of());
        console.render(ctx, "console/planning.jte", "planning", model);
    }

    /**
     * The lead time each named supplier's purchase order is expected after by default: the one the plan uses
     * ({@link SupplierLeadTime}), unknown for a name not on record; every supplier got today + 14 before, also one that
     * states 35 (an operations check). Only the named suppliers' deliveries are read.
     */
    private Map<String, SupplierLeadTime> leadTimesOf(java.util.Set<String> names) {
        Map<String, SupplierLeadTime> leadTimes = new java.util.HashMap<>();
        names.forEach(name -> leadTimes.put(name, SupplierLeadTime.UNKNOWN));
        restock.read(h -> {
            long after = 0;
            for (int page = 0; page < MAX_SUPPLIER_PAGES; page++) {
                var suppliers = restock.catalogEdits().suppliers(h, after, CatalogEdits.MAX_PAGE_SIZE);
                suppliers.items().stream().filter(s -> names.contains(s.name())).forEach(s -> leadTimes.put(s.name(), planning.leadTime(h, s)));
                if (!suppliers.more()) {
                    break;
                }
                after = suppliers.next(Supplier::id).orElseThrow();
            }
            return null;
        });
        return leadTimes;
    }

    /** Pages of suppliers read for their lead times: 10,000 suppliers, far more than a shop has. */
    private static final int MAX_SUPPLIER_PAGES = 50;

    static long id(Context ctx) {
        String value = ctx.pathParam("id");
        if (!value.matches("[0-9]{1,18}")) {
            throw new NotFound("id", "no record numbered '" + value + "'");
        }
        return Long.parseLong(value);
    }

    static Sku sku(Context ctx) {
        return Sku.of(ctx.pathParam("sku"));
    }
}
