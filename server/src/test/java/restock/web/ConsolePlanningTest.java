package restock.web;

import org.junit.jupiter.api.Test;
import restock.planning.Planner;
import restock.service.PlanCsv;
import restock.service.PlanningQueries;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the planning page and the overview say of the latest stored plan. */
class ConsolePlanningTest {
    private static final String PASSWORD = "correct horse battery";

    private static Planner.SkuPlan plan(String sku, String name, double dailyDemand, double daysOfCover) {
        return new Planner.SkuPlan(sku, name, "Acme", dailyDemand, 0, 0, 0, 0, 0, Optional.empty(), "", daysOfCover, true);
    }

    /** The table row or list item that links to a SKU's page, to its end, with its white space as a browser shows it. */
    private static String rowOf(String page, String list, String sku, String end) {
        int start = page.indexOf("href=\"/console/skus/" + sku + "\"", page.indexOf("id=\"" + list + "\""));
        assertThat(start).as("%s in %s:%n%s", sku, list, page).isPositive();
        return page.substring(start, page.indexOf(end, start)).replaceAll("\\s+", " ");
    }

    @Test
    void the_plan_made_when_the_console_first_needed_one_is_not_called_the_nightly_run() {
        // An outside check: a shop started at 14:00 showed "Planned 14:01 ... (the nightly run; ...)": the run the first
        // console page made, as none was stored yet.
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
            String first = staff.get("/console/planning").body().replaceAll("\\s+", " ");
            assertThat(first).contains("made when the console first needed a plan, as none was stored yet; the nightly run at 02:00 UTC"
                    + " replaces it; SKUs put on a purchase order since are left out").doesNotContain("(the nightly run");

            // The night's run is due (its 02:00 UTC has passed today) and not yet claimed: this runs it.
            java.time.Clock clock = api.restock().clock();
            restock.service.JobLeases leases = new restock.service.JobLeases(api.restock(), "test", java.time.Duration.ofMinutes(5), clock);
            assertThat(new restock.service.NightlyPlan(new PlanningQueries(api.restock()), leases, clock, PlanCsv::write).runIfDue()).isTrue();
            String nightly = staff.get("/console/planning").body().replaceAll("\\s+", " ");
            assertThat(nightly).contains("(the nightly run at 02:00 UTC; SKUs put on a purchase order since are left out)").doesNotContain("first needed");
        }
    }

    /**
     * A SKU with nothing free was listed under "Will run out before the next receipt" as "0 days of cover ... runs out
     * about" today (an outside check): it is out already, and both pages say so; one with some cover keeps its day.
     */
    @Test
    void a_sku_with_nothing_free_is_said_to_be_out_now_not_to_run_out_today() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            new PlanningQueries(api.restock()).runAndStore(0.95, plans -> PlanCsv.write(List.of(
                    plan("OUT-1", "Paper Kite", 1.5, 0), plan("LOW-1", "Silk Fan", 2, 2.5))));
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);

            String planning = staff.get("/console/planning").body();
            String overview = staff.get("/console/overview").body();

            assertThat(rowOf(planning, "stock-outs", "OUT-1", "</tr>")).contains("<td data-label=\"Runs out\">out now</td>")
                    .doesNotContain(Format.day(today));
            assertThat(rowOf(planning, "stock-outs", "LOW-1", "</tr>")).contains("<td data-label=\"Runs out\">about " + Format.day(today.plusDays(2)) + "</td>");
            assertThat(rowOf(overview, "stock-outs", "OUT-1", "</li>")).isEqualTo("href=\"/console/skus/OUT-1\">Paper Kite</a>: out now, "
                    + "nothing free, at 1.5 a day");
            assertThat(rowOf(overview, "stock-outs", "LOW-1", "</li>")).contains("Silk Fan</a>: 2.5 days of cover at 2 a day, runs out about "
                    + Format.day(today.plusDays(2)));
        }
    }

    /** The overview listed a product as running out while the planning page said "Ordered since this plan was made" of it. */
    @Test
    void the_overview_marks_a_run_out_ordered_since_the_plan_as_the_planning_page_does() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            LocalDate today = api.restock().books().today();
            api.client().post("/api/products", "{\"sku\":\"OUT-5\",\"name\":\"Paper Kite\",\"priceMinor\":900,\"currency\":\"GBP\"}");
            new PlanningQueries(api.restock()).runAndStore(0.95, plans -> PlanCsv.write(List.of(
                    plan("OUT-5", "Paper Kite", 1.5, 0), plan("LOW-5", "Silk Fan", 2, 2.5))));
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
            assertThat(rowOf(staff.get("/console/overview").body(), "stock-outs", "OUT-5", "</li>")).doesNotContain("Ordered since");

            api.client().post("/api/purchase-orders", "{\"supplier\":\"Acme\",\"newSupplier\":true,\"lines\":[{\"sku\":\"OUT-5\","
                    + "\"quantity\":100,\"expectedDate\":\"" + today.plusDays(10) + "\"}]}");

            assertThat(rowOf(staff.get("/console/planning").body(), "stock-outs", "OUT-5", "</tr>")).contains("Ordered since this plan was made.");
            String overview = staff.get("/console/overview").body();
            assertThat(rowOf(overview, "stock-outs", "OUT-5", "</li>")).isEqualTo("href=\"/console/skus/OUT-5\">Paper Kite</a>: out now, "
                    + "nothing free, at 1.5 a day<span class=\"ordered-since\">. Ordered since this plan was made.</span>");
            assertThat(rowOf(overview, "stock-outs", "LOW-5", "</li>")).doesNotContain("Ordered since");
        }
    }

    /**
     * The page listed 12 SKUs running out and suggested 2, with nothing said of the rest (an outside check): each run-out
     * says whether it is suggested and, if not, why; in words staff use, once, with dates as the console writes them
     * (it said "Nothing suggested: nothing to order: the position 1759 (...) is above the reorder point 1081; ... due
     * 2026-12-15", a newcomer's check).
     */
    @Test
    void each_run_out_says_whether_it_is_suggested_and_if_not_why_in_plain_words() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            LocalDate today = api.restock().books().today();
            String reason = "nothing to order: the position 1759 (free stock and what is on order, less units waiting) is above the reorder"
                    + " point 1081; but there is no free stock now, and the next receipt is due " + today.plusDays(8) + ": bring that delivery forward";
            new PlanningQueries(api.restock()).runAndStore(0.95, plans -> PlanCsv.write(List.of(
                    new Planner.SkuPlan("OUT-2", "Tin Drum", "Acme", 10, 1081.04, 20, 1151, 1759, 0, Optional.empty(), reason, 0, true,
                            2454, Optional.of(today.plusDays(8)), 39, 1200),
                    new Planner.SkuPlan("LOW-2", "Glass Bead", "Acme", 2, 30, 5, 44, 10, 36, Optional.of(today),
                            "position 10 is at or below the reorder point 30", 2.5, true))));
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);

            String planning = staff.get("/console/planning").body();

            assertThat(rowOf(planning, "stock-outs", "OUT-2", "</tr>")).contains("Nothing suggested: stock and what is on order, less what customers "
                            + "wait for, come to 1,759, which covers the demand until the next order could arrive; reorder at 1,081. Nothing is free now, and the next delivery, 1,200 of the 2,454 on "
                            + "order, is due " + Format.day(today.plusDays(8)) + ": bring that delivery forward; an order today would arrive later "
                            + "still, about " + Format.day(today.plusDays(39)) + ".")
                    .doesNotContain("position").doesNotContain(today.plusDays(8).toString())
                    // Everything on order was said as if it came first (an outside tester's check: 9,048 where 4,488 came first).
                    .doesNotContain("(2,454) is due");
            assertThat(rowOf(planning, "stock-outs", "LOW-2", "</tr>")).contains("Suggested below: 36 units.");
            assertThat(planning).contains("<summary>What the figures mean</summary>").contains("<dt>Reorder point</dt>");
        }
    }

    /**
     * "Bring that delivery forward" had no way to do it from the console (an outside tester's finding): the row links the
     * purchase order of the SKU's next delivery, where it is changed with the supplier.
     */
    @Test
    void the_advice_to_bring_a_delivery_forward_links_the_purchase_order_it_means() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            LocalDate today = api.restock().books().today();
            api.client().post("/api/products", "{\"sku\":\"OUT-3\",\"name\":\"Tin Drum\",\"priceMinor\":900,\"currency\":\"GBP\"}");
            long later = api.client().post("/api/purchase-orders", "{\"supplier\":\"Acme\",\"newSupplier\":true,\"lines\":[{\"sku\":\"OUT-3\","
                    + "\"quantity\":1200,\"expectedDate\":\"" + today.plusDays(20) + "\"}]}").json().path("id").asLong();
            long next = api.client().post("/api/purchase-orders", "{\"supplier\":\"Acme\",\"lines\":[{\"sku\":\"OUT-3\","
                    + "\"quantity\":2454,\"expectedDate\":\"" + today.plusDays(8) + "\"}]}").json().path("id").asLong();
            String reason = "nothing to order: the position 3654 is above the reorder point 1081; but there is no free stock now, and the next"
                    + " receipt is due " + today.plusDays(8) + ": bring that delivery forward";
            new PlanningQueries(api.restock()).runAndStore(0.95, plans -> PlanCsv.write(List.of(
                    new Planner.SkuPlan("OUT-3", "Tin Drum", "Acme", 10, 1081.04, 20, 1151, 3654, 0, Optional.empty(), reason, 0, true,
                            3654, Optional.of(today.plusDays(8)), 39),
                    plan("LOW-3", "Silk Fan", 2, 2.5))));
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);

            String planning = staff.get("/console/planning").body();

            assertThat(rowOf(planning, "stock-outs", "OUT-3", "</tr>")).contains("bring that delivery forward")
                    .contains("<a href=\"/console/purchase-orders/" + next + "\" class=\"bring-forward\">Open purchase order " + next
                            + " (2,454 due " + Format.day(today.plusDays(8)) + ", Acme)</a>")
                    .doesNotContain("/console/purchase-orders/" + later + "\"");
            assertThat(rowOf(planning, "stock-outs", "LOW-3", "</tr>")).doesNotContain("bring-forward");
            assertThat(later).isNotEqualTo(next);
        }
    }

    /**
     * A suggestion for a SKU that runs out before an order placed today could arrive said nothing of it, and the plan
     * counts every unit on order as covering demand, also units due after the shelf empties (a newcomer's check): the
     * row says both, in words, the planner's own reason kept under "How the planner reached it".
     */
    @Test
    void a_suggestion_that_runs_out_before_an_order_today_could_arrive_says_so_and_when_what_is_on_order_comes() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            LocalDate today = api.restock().books().today();
            String reason = "position 1400 is at or below the reorder point 1620 (normal lead-time demand, mean 1520 over 38 days)";
            new PlanningQueries(api.restock()).runAndStore(0.95, plans -> PlanCsv.write(List.of(
                    new Planner.SkuPlan("LATE-1", "Oak Chair", "Slow Boats", 40, 1620.04, 100, 1900, 1400, 500, Optional.of(today), reason,
                            5.5, true, 1200, Optional.of(today.plusDays(20)), 38),
                    new Planner.SkuPlan("SOON-1", "Pine Stool", "Slow Boats", 1, 10, 2, 17, 5, 12, Optional.of(today), "below", 60, false,
                            0, Optional.empty(), 38))));
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);

            String planning = staff.get("/console/planning").body();

            String late = rowOf(planning, "suggestions", "LATE-1", "</tr>");
            assertThat(late).contains("Stock and what is on order, less what customers wait for, come to 1,400: at or below the reorder point (1,620).")
                    .contains("Runs out " + Format.day(today.plusDays(5)) + "; an order today arrives about " + Format.day(today.plusDays(38))
                            + ". 1,200 on order, due after the run-out (from " + Format.day(today.plusDays(20)) + ").")
                    // Its counts grouped as the rest of the page writes them (it printed 1400 beside 1,400).
                    .contains("<summary>How the planner reached it</summary>position 1,400 is at or below the reorder point 1,620 (normal"
                            + " lead-time demand, mean 1,520 over 38 days)")
                    .contains("<td class=\"num\" data-label=\"Reorder point\">1,620</td>");
            assertThat(rowOf(planning, "suggestions", "SOON-1", "</tr>")).doesNotContain("Runs out").doesNotContain("on order, due");
        }
    }

    /**
     * The page showed the night's plan until 02:00 while the API planned anew, and staff had no way to plan again (an outside
     * tester's check): "Plan again now" makes and stores the nightly run's plan, shows its progress, and the page and the
     * overview then say it is theirs; while another instance holds the run's lease, none starts here.
     */
    @Test
    void plan_again_now_stores_a_new_plan_that_the_page_and_the_overview_then_show() throws Exception {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"AGAIN-1\",\"name\":\"Tin Drum\",\"priceMinor\":900,\"currency\":\"GBP\"}");
            new PlanningQueries(api.restock()).runAndStore(0.95, plans -> PlanCsv.write(List.of(plan("OLD-1", "Paper Kite", 1.5, 0))));
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
            String before = staff.get("/console/planning").body();
            assertThat(before).contains("id=\"plan-again-now\"");

            // Another instance plans now: none starts here, and the page says who.
            restock.service.JobLeases other = new restock.service.JobLeases(api.restock(), "other-instance", java.time.Duration.ofSeconds(30),
                    api.restock().clock());
            assertThat(other.hold(restock.service.PlanAgain.JOB, java.time.Duration.ofMinutes(5))).isTrue();
            assertThat(staff.post("/console/planning/runs", java.util.Map.of("_csrf", ConsoleSession.hidden(before, "_csrf"))).statusCode()).isEqualTo(303);
            assertThat(staff.get("/console/planning").body()).contains("Another instance (other-instance) is planning again now");
            other.release(restock.service.PlanAgain.JOB);

            java.net.http.HttpResponse<String> started = staff.post("/console/planning/runs", java.util.Map.of("_csrf", ConsoleSession.hidden(before, "_csrf")));
            assertThat(started.statusCode()).isEqualTo(303);
            // The message stays on the page while the panel changes: it said "the progress is below" beside "A new plan was stored".
            assertThat(java.net.URLDecoder.decode(started.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("restock_flash="))
                    .findFirst().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8)).contains("the panel below follows it").doesNotContain("progress is below");
            String progress = "";
            for (int i = 0; i < 300 && !progress.contains("A new plan was stored"); i++) {
                Thread.sleep(100);
                progress = staff.get("/console/planning/progress?shown=0").body();
            }
            assertThat(progress).contains("A new plan was stored").contains("href=\"/console/planning\" id=\"show-new-plan\"");

            String after = staff.get("/console/planning").body().replaceAll("\\s+", " ");
            assertThat(after).contains("(made on the planning page with Plan again now; SKUs put on a purchase order since are left out)")
                    .contains("for 1 SKUs").doesNotContain("OLD-1");
            assertThat(api.restock().read(restock.store.SqlPlanningRuns::latest).orElseThrow().planCsv()).contains("AGAIN-1");
        }
    }

    /** The page named nothing that changed since its plan was made (a count set a SKU to 100 and the page said nothing). */
    @Test
    void the_page_names_the_skus_whose_stock_changed_since_its_plan_was_made() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"COUNT-1\",\"name\":\"Tin Drum\",\"priceMinor\":900,\"currency\":\"GBP\"}");
            api.client().post("/api/products", "{\"sku\":\"STILL-1\",\"name\":\"Oak Chair\",\"priceMinor\":900,\"currency\":\"GBP\"}");
            new PlanningQueries(api.restock()).runAndStore(0.95, plans -> PlanCsv.write(List.of(plan("OUT-1", "Paper Kite", 1.5, 0))));
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
            assertThat(staff.get("/console/planning").body()).doesNotContain("id=\"changed-since\"");

            api.client().post("/api/stock/COUNT-1/counts", "{\"countedQuantity\": 100, \"reason\": \"count\"}");

            String page = staff.get("/console/planning").body();
            String changed = page.substring(page.indexOf("id=\"changed-since\""), page.indexOf("</div>", page.indexOf("id=\"changed-since\"")))
                    .replaceAll("\\s+", " ");
            assertThat(changed).contains("Stock of 1 SKU counted, adjusted, received or returned:")
                    .contains("<a href=\"/console/skus/COUNT-1\">COUNT-1</a> <span class=\"muted\">(count ").doesNotContain("STILL-1");
        }
    }

    /** The overview said the KPI spreadsheet must come from a developer (the API takes a key): staff download it themselves. */
    @Test
    void staff_download_the_kpi_spreadsheet_from_the_overview() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
            assertThat(staff.get("/console/overview").body()).contains("href=\"/console/overview/kpis.csv?by=supplier\"")
                    .doesNotContain("ask a developer for them.</p>\n  </section>");

            var csv = staff.get("/console/overview/kpis.csv?by=supplier");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            assertThat(csv.body()).startsWith(String.join(",", restock.insight.KpiRow.CSV_COLUMNS));
            assertThat(staff.get("/console/overview/kpis.csv?by=colour").statusCode()).isEqualTo(400);
            assertThat(ConsoleSession.signedOut(api.client().baseUrl())
                    .get("/console/overview/kpis.csv?by=sku").statusCode()).isEqualTo(303);
        }
    }

    /** The overview kept the alerts of the plan before for minutes after a new plan was stored: it follows the stored run. */
    @Test
    void the_overview_shows_the_run_outs_of_the_latest_stored_plan_and_who_made_it() throws Exception {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            PlanningQueries planning = new PlanningQueries(api.restock());
            planning.runAndStore(0.95, plans -> PlanCsv.write(List.of(plan("FIRST-1", "Paper Kite", 1.5, 0))));
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
            String first = "";
            for (int i = 0; i < 100 && !first.contains("FIRST-1"); i++) {
                Thread.sleep(100);
                first = staff.get("/console/overview").body();
            }
            assertThat(first).contains("href=\"/console/skus/FIRST-1\"");

            planning.store(List.of(plan("NEXT-1", "Silk Fan", 2, 1)), api.restock().clock().instant(), 0.95, PlanCsv::write, Optional.of(restock.planning.PlanningRun.MadeBy.CLI));
            String next = "";
            for (int i = 0; i < 100 && !next.contains("NEXT-1"); i++) {
                Thread.sleep(100);
                next = staff.get("/console/overview").body();
            }
            assertThat(next.replaceAll("\\s+", " ")).contains("href=\"/console/skus/NEXT-1\"").doesNotContain("FIRST-1")
                    .contains("(made by restock plan on the command line; forecast demand against free stock");
        }
    }
}
