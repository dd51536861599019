package restock.web;

import restock.access.PasswordHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.cli.Demo;
import restock.orders.OrderLine;
import restock.orders.OrderRequest;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.service.ConsoleQueries;
import restock.service.Restock;
import restock.service.StaffAccounts;
import restock.views.ConsoleRows;
import restock.support.RunningApi;
import restock.support.TestClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A member of staff runs the demo shop from the console in a real browser (Debian's Chromium, headless): signs in,
 * opens every page, sees the charts drawn with their data, cancels a waiting line, receives a purchase order and
 * sees the queue fill, turns a planning suggestion into a purchase order, and reads it all on a phone.
 */
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String USER = "ops";
    private static final String PASSWORD = "correct horse battery";
    /** A product with ten weeks of sales and little stock left, so planning suggests ordering it. */
    private static final Sku FAN = Sku.of("FAN-1");
    private static final String FAN_SUPPLIER = "Kyoto Fans Ltd";
    private static final String LATE_SUPPLIER = "Osaka Lamps";
    private static final String SLIPPING_SUPPLIER = "Slow Boat Co";
    /** The least height, in CSS pixels, a chart's plot keeps on a 390 px phone (its key and axis labels take the rest). */
    private static final int MIN_PHONE_PLOT_PX = 200;

    private static RunningApi api;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) || System.getenv("CI") != null,
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        api = RunningApi.withDemoYearLoaded();
        assertThat(Demo.loadIfEmpty(api.restock())).as("the demo year is there already").isFalse();
        // The fans' history happens in the past: a second Restock on the same database, with a clock ten weeks back.
        TestClock past = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(70)));
        Restock inThePast = new Restock(api.restock().jdbi(), past);
        sellFansForTenWeeks(inThePast, past);
        orderLampsThatAreNowLate(inThePast, past);
        receiveBoatsLaterThanBefore(api.restock());
        new StaffAccounts(api.restock(), api.restock().clock(), PasswordHash.Cost.FOR_TESTS).create(USER, PASSWORD.toCharArray(), "test");
        Files.createDirectories(SCREENSHOTS);
        browser = browser();
        base = api.client().baseUrl();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (api != null) {
            api.close();
        }
    }

    /** 320 fans arrive from the supplier a week after ordering; then 5 sell and ship every day for 60 days: 20 are left. */
    private static void sellFansForTenWeeks(Restock restock, TestClock clock) {
        restock.inTransaction(h -> restock.catalog().create(h, new Product(FAN, "Silk Fan", new Money(1299, "GBP"),
                new BackorderPolicy.WhenSupplyConfirmed())));
        LocalDate due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(7);
        PurchaseOrder order = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest(FAN_SUPPLIER, true,
                List.of(new PurchaseOrderRequest.Line(FAN, 320, due)))));
        clock.advance(Duration.ofDays(7));
        restock.inTransaction(h -> restock.purchasing().receive(h, order.id(), List.of(new ReceiptPlan.Received(FAN, 320))));
        for (int day = 0; day < 60; day++) {
            clock.advance(Duration.ofDays(1));
            int customer = day;
            restock.inTransaction(h -> restock.orders().ship(h, restock.orders().place(h, new OrderRequest("fan" + customer
                    + "@example.com", true, 0, List.of(new OrderRequest.Line(FAN, 5)), Optional.empty())).id()));
        }
    }

    /**
     * A supplier that delivered on time 55 days ago, then 5 and 6 days late in the last four weeks (received 20 and 14
     * days ago): 5.5 days late on average against 0 before, so it is slipping.
     */
    private static void receiveBoatsLaterThanBefore(Restock now) {
        Sku boat = Sku.of("BOAT-1");
        now.inTransaction(h -> now.catalog().create(h, new Product(boat, "Paper Boat", new Money(300, "GBP"), new BackorderPolicy.Never())));
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        int[][] dueAndReceivedDaysAgo = {{55, 55}, {25, 20}, {20, 14}};
        for (int[] days : dueAndReceivedDaysAgo) {
            TestClock clock = new TestClock(today.minus(Duration.ofDays(days[0] + 10L)));
            Restock then = new Restock(now.jdbi(), clock);
            LocalDate due = LocalDate.ofInstant(today.minus(Duration.ofDays(days[0])), ZoneOffset.UTC);
            PurchaseOrder order = then.inTransaction(h -> then.purchasing().create(h, new PurchaseOrderRequest(SLIPPING_SUPPLIER, true,
                    List.of(new PurchaseOrderRequest.Line(boat, 10, due)))));
            clock.advance(Duration.ofDays(10L + days[0] - days[1]));
            then.inTransaction(h -> then.purchasing().receive(h, order.id(), List.of(new ReceiptPlan.Received(boat, 10))));
        }
    }

    /** Ordered from a supplier ten weeks ago, due three days ago, never delivered. */
    private static void orderLampsThatAreNowLate(Restock restock, TestClock clock) {
        Sku lamp = Sku.of("LAMP-1");
        restock.inTransaction(h -> restock.catalog().create(h, new Product(lamp, "Paper Lamp", new Money(850, "GBP"),
                new BackorderPolicy.WhenSupplyConfirmed())));
        LocalDate due = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).minusDays(3);
        restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest(LATE_SUPPLIER, true,
                List.of(new PurchaseOrderRequest.Line(lamp, 40, due)))));
    }

    @Test
    void staff_sign_in_and_run_the_shop_from_every_page() throws Exception {
        signIn();
        theShopDemoShowsWhatTheAvailabilityAnswerSays();
        aShopperJoinsTheWaitlistAndConfirms();
        aShopperOrdersWhatWaitsAndCancelsItFromTheLink();
        everyPageOpensWithoutAnError();
        theOverviewChartIsDrawnWithThirtyDays();
        cancellingALineFromTheQueueCancelsItForTheCustomer();
        raisingALinesPriorityMovesItToTheFrontOfItsQueue();
        receivingAPurchaseOrderFillsTheQueue();
        theSkuPageDrawsHistoryAndForecast();
        aProductIsEditedFromItsPage();
        aSuggestionBecomesAPurchaseOrder();
        theOrderSearchNarrowsAsStaffType();
        anOrderShipsAndAnotherIsCancelledFromItsPage();
        aPurchaseOrderIsCreatedFromTheForm();
        aSuppliersLeadTimeIsChangedOnItsPage();
        aProductIsCreatedFromTheProductsList();
        thePagesAreReadableOnAPhone();
        signingOutEndsTheSession();
    }

    private void signIn() throws Exception {
        browser.get(base + "/console/");
        assertThat(browser.getCurrentUrl()).as("a visitor without a session is sent to sign in").endsWith("/console/login");
        screenshot("login");
        browser.findElement(By.id("username")).sendKeys(USER);
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.id("sign-in")).click();
        assertThat(waitFor(By.id("error")).getText()).contains("Wrong user name or password");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait(20).until(ExpectedConditions.urlContains("/console/overview"));
    }

    /** Each product on the shop page says what GET /api/availability says for one unit: the same one decision. */
    private void theShopDemoShowsWhatTheAvailabilityAnswerSays() throws Exception {
        browser.findElement(By.id("shop-demo-link")).click();
        wait(20).until(ExpectedConditions.urlContains("/shop"));
        List<WebElement> products = browser.findElements(By.cssSelector("article.product"));
        assertThat(products).as("products on the shop page").hasSizeGreaterThanOrEqualTo(4);
        for (WebElement product : products) {
            Sku sku = Sku.of(product.getAttribute("data-sku"));
            restock.promise.Availability answer = api.restock().read(h -> api.restock().availability().availability(h, sku, 1)).availability();
            assertThat(product.getAttribute("data-status")).as(sku.code()).isEqualTo(answer.status().code());
            assertThat(product.findElement(By.cssSelector(".availability")).getText()).as(sku.code()).isEqualTo(answer.message());
            answer.eta().ifPresent(eta -> assertThat(product.findElement(By.cssSelector(".eta")).getText()).as(sku.code())
                    .isEqualTo(Math.round(eta.probability() * 100) + "% likely to ship by " + Format.day(eta.to())));
        }
        assertThat(products).extracting(p -> p.getAttribute("data-status")).contains("in_stock", "backorder", "out_of_stock", "preorder");
        // Out of stock says when it may be back: when confirmed supply is due (a product that may not wait for it), or how
        // often it usually restocks.
        assertThat(products).filteredOn(p -> "out_of_stock".equals(p.getAttribute("data-status")))
                .anySatisfy(p -> assertThat(p.getText()).containsPattern("usually restocks every ~\\d+ (day|days|weeks|months)|more is due \\d"));
        assertThat(products).filteredOn(p -> "preorder".equals(p.getAttribute("data-status")))
                .allSatisfy(p -> assertThat(p.getText()).contains("Pre-order — ships"));
        screenshot("shop");
    }

    private void aShopperJoinsTheWaitlistAndConfirms() throws Exception {
        browser.get(base + "/shop");
        WebElement product = browser.findElements(By.cssSelector("article.product")).stream()
                .filter(p -> !p.findElements(By.cssSelector("form.waitlist")).isEmpty()).findFirst().orElseThrow();
        String name = product.findElement(By.tagName("h2")).getText();
        WebElement form = product.findElement(By.cssSelector("form.waitlist"));
        form.findElement(By.name("email")).sendKeys("waiting-shopper@example.com");
        form.findElement(By.name("consent")).click();
        form.findElement(By.tagName("button")).click();
        assertThat(waitFor(By.id("waitlist-sent")).getText()).contains("a link to confirm").contains(name);
        screenshot("shop-waitlist-sent");
        browser.findElement(By.id("confirm-link")).click();
        browser.findElement(By.cssSelector("main form button")).click();
        assertThat(waitFor(By.id("done")).getText()).isEqualTo("Thank you: we will email you when " + name + " is back in stock.");
    }

    /** What a shopper who orders a backordered item reads, and the cancel link their mail carries, followed. */
    private void aShopperOrdersWhatWaitsAndCancelsItFromTheLink() throws Exception {
        browser.get(base + "/shop");
        WebElement product = browser.findElements(By.cssSelector("article.product[data-status=backorder]")).stream()
                .filter(p -> !p.findElements(By.cssSelector(".eta")).isEmpty()).findFirst().orElseThrow();
        String name = product.findElement(By.tagName("h2")).getText();
        WebElement form = product.findElement(By.cssSelector("form.order"));
        form.findElement(By.name("quantity")).clear();
        form.findElement(By.name("quantity")).sendKeys("2");
        form.findElement(By.name("email")).sendKeys("patient-shopper@example.com");
        form.findElement(By.cssSelector("button.buy")).click();
        assertThat(waitFor(By.cssSelector("#placed li.waiting")).getText()).startsWith("2 × " + name + ": waits for stock, ships ")
                .containsPattern("\\(\\d+% likely by ");
        // What the page says of paying is what the cancel page then says: the shop demo takes no payment (the page said
        // "Nothing is charged until it ships", and the cancel page that the shop refunds what was paid).
        assertThat(browser.findElement(By.id("charge")).getText()).isEqualTo("No payment was taken with this order: the shop takes "
                + "payment its own way, and if you paid the shop for items you cancel, the shop will refund you.");
        screenshot("shop-ordered");
        browser.findElement(By.id("cancel-link")).click();
        browser.findElement(By.id("cancel")).click();
        // The shop demo takes no payment: the page does not claim to know what was charged.
        assertThat(waitFor(By.id("cancelled")).getText()).isEqualTo("2 × " + name + " cancelled; if you paid the shop for them already, the shop will refund you.");
        screenshot("shop-cancelled");
    }

    private void everyPageOpensWithoutAnError() throws Exception {
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // read: what came before (a refused sign-in's 401) is not this step's
        browser.get(base + "/console/overview");
        for (var section : Chrome.SECTIONS) {
            browser.findElement(By.cssSelector("header nav a[href='/console/" + section.getKey() + "']")).click();
            wait(20).until(ExpectedConditions.textToBe(By.tagName("h1"), section.getKey().equals("overview") ? "Overview" : heading(section.getKey())));
            assertThat(browser.findElements(By.cssSelector(".error"))).as(section.getKey()).isEmpty();
            screenshot(section.getKey());
            // What the browser itself reports: a script error, a resource the page's policy blocks, a failed request.
            assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
                    .as("the browser's errors on " + section.getKey())
                    .filteredOn(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).isEmpty();
        }
    }

    private static String heading(String section) {
        return switch (section) {
            case "backorders" -> "Backorder queue";
            case "waitlists" -> "Waitlists and offers";
            default -> Chrome.SECTIONS.stream().filter(s -> s.getKey().equals(section)).findFirst().orElseThrow().getValue();
        };
    }

    private void theOverviewChartIsDrawnWithThirtyDays() throws Exception {
        browser.get(base + "/console/overview");
        WebElement chart = chartDrawn("trend-chart");
        assertThat(chart.getAttribute("data-chart-points")).isEqualTo(Integer.toString(ConsoleQueries.TREND_DAYS));
        assertThat(Integer.parseInt(chart.getAttribute("data-chart-values"))).as("trend values").isPositive();
        // The weekly KPI and cause charts: one point per week, each with the insight service's figures.
        for (String id : List.of("kpi-rates-chart", "kpi-waits-chart", "causes-chart")) {
            WebElement weekly = chartDrawn(id);
            assertThat(weekly.getAttribute("data-chart-points")).as(id).isEqualTo(Integer.toString(OverviewCharts.TREND_WEEKS));
            assertThat(Integer.parseInt(weekly.getAttribute("data-chart-values"))).as(id + " values").isPositive();
        }
        // The fans sell 5 a day and 20 are left, nothing on order; the boats came later lately. The run-outs are the
        // planning page's, soonest first (they were counted from 28 days of shipments here and differed: 4 against 17).
        var plan = new restock.service.PlanningQueries(api.restock()).latestPlans();
        List<String> planned = restock.insight.Alerts.stockOuts(plan.plans(), LocalDate.ofInstant(plan.ranAt(), ZoneOffset.UTC),
                ConsoleQueries.ALERT_ROWS).stream().map(out -> out.name().replaceAll("\\s+", " ")).toList();  // as a browser shows text
        WebElement stockOuts = browser.findElement(By.id("stock-outs"));
        assertThat(stockOuts.findElements(By.tagName("a")).stream().map(WebElement::getText).toList()).isEqualTo(planned);
        assertThat(stockOuts.getText()).containsPattern("Silk Fan: [0-9.]+ days of cover at [0-9.]+ a day, runs out about ");
        assertThat(browser.findElement(By.id("stock-outs-basis")).getText())
                .startsWith(restock.insight.Alerts.stockOutCount(plan.plans()) + " products in the plan of ");
        // The demo year's own suppliers may slip too (on 2026-12-07 Yiwu Trading did), so the boats' line is one of them.
        assertThat(browser.findElement(By.id("suppliers-slipping")).getText().lines()).contains(SLIPPING_SUPPLIER
                + ": its 2 receipts of the last 4 weeks came 5.5 days late on average, against 0 in the 90 days before");
        restock.insight.KpiRow kpis = new restock.service.InsightQueries(api.restock()).overall(30).orElseThrow();
        assertThat(browser.findElement(By.id("kpi-line-fill")).getText()).isEqualTo(Format.percent(kpis.lineFillRate()));
        assertThat(browser.findElement(By.id("kpi-promise-kept")).getText()).isEqualTo(Format.percent(kpis.promiseKeptRate()));
        assertThat(browser.findElement(By.id("kpi-p90-wait")).getText()).isEqualTo(Format.days(kpis.p90WaitDays()));
        assertThat(browser.findElement(By.id("kpi-stock-out-days")).getText()).isEqualTo(Integer.toString(kpis.stockOutDays()));
        // Staff read sentences, not routes: the KPIs' and the causes' pointers said "GET /api/insight/kpis".
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("/api/").doesNotContain("GET ")
                .contains("of " + Format.count(kpis.skuDays()) + " SKU-days");
        assertThat(kpis.lines()).as("the demo's last 30 days have order lines").isPositive();
        // The figures are kept for ten minutes, and the page says when they were read (a new user's orders of the day
        // did not move them, and nothing said why).
        assertThat(browser.findElement(By.id("kpis-as-of")).getText()).matches("As of \\d{1,2} \\w{3,4} \\d{4} \\d{2}:\\d{2} UTC: .*"
                + "worked out again every 10 minutes, not at each order\\.");
        assertThat(browser.findElement(By.id("waiting-lines")).getText()).isNotEqualTo("0");
        // The lamps, and any of the demo year's own orders past due on the day the test runs (its last weeks move
        // with the calendar: on 2026-12-07 one of them was four days late), as the record says: late past the date
        // first confirmed (to the first arrival, or today), overdue past the date expected now.
        LocalDate today = LocalDate.ofInstant(api.restock().clock().instant(), ZoneOffset.UTC);
        // The card counts the lines the list under it lists, and the purchase orders they are on.
        String owed = """
                select count(*) as lines, count(distinct po.id) as purchase_orders,
                  count(*) filter (where l.expected_date < :today) as overdue
                from purchase_orders po join purchase_order_lines l on l.purchase_order_id = po.id
                where po.status = 'open' and l.quantity_received < l.quantity_ordered and
                  (coalesce((l.first_received_at at time zone 'UTC')::date, :today) > l.original_expected_date or l.expected_date < :today)
                """;
        java.util.Map<String, Object> late = api.restock().read(h -> h.createQuery(owed).bind("today", today).mapToMap().one());
        assertThat((Long) late.get("lines")).as("late or overdue lines in the record, the lamps' among them").isPositive();
        assertThat(browser.findElement(By.id("late-lines")).getText()).isEqualTo(Format.count((Long) late.get("lines")));
        assertThat(browser.findElement(By.id("late-pos")).getText()).isEqualTo(Format.plural((Long) late.get("purchase_orders"), "purchase order"));
        assertThat(browser.findElement(By.id("overdue-lines")).getText()).isEqualTo(Format.count((Long) late.get("overdue")));
        assertThat(browser.findElement(By.id("late-supply")).getText()).contains(LATE_SUPPLIER).contains("40 × Paper Lamp were due");
        // The demo year's recent backorder events, summed by their main cause, as the insight service classified them.
        List<WebElement> causes = browser.findElements(By.cssSelector("#causes tbody tr"));
        assertThat(causes).as("main causes of the last days' backorder events").isNotEmpty();
        assertThat(causes.get(0).getText()).matches("(?s).*(demand spike|supplier late|supplier short|planning|record error|policy|unknown).*");
        screenshot("overview-chart");
        scrollTo("causes");
        screenshot("overview-causes");
    }

    private void cancellingALineFromTheQueueCancelsItForTheCustomer() throws Exception {
        browser.get(base + "/console/backorders");
        List<ConsoleRows.QueueLine> queue = queries().backorderQueue(Optional.empty());
        // A line with another behind it in its SKU's queue: that one moves up a place on the queue staff come back to.
        ConsoleRows.QueueLine first = queue.stream().filter(line -> queue.stream().anyMatch(other -> other.sku().equals(line.sku())
                && other.place() > line.place())).findFirst().orElseThrow();
        ConsoleRows.QueueLine behind = queue.stream().filter(other -> other.sku().equals(first.sku()) && other.place() > first.place())
                .findFirst().orElseThrow();
        // Cancelling a line cancels all it still has open: what waits, and what was already reserved for it.
        int open = api.restock().read(h -> api.restock().orders().find(h, first.orderId())).lines().get(first.lineNumber() - 1)
                .quantities().open();
        WebElement row = browser.findElement(By.id("line-" + first.orderId() + "-" + first.lineNumber()));
        assertThat(first.cause()).as("the demo year's waiting lines were classified").isPresent();
        assertThat(row.findElement(By.cssSelector("td.cause")).getText()).isEqualTo(first.cause().get().replace('_', ' '));
        // The queue asks the order page's question, of the line as it is when pressed (its dialog was written with the page).
        row.findElement(By.cssSelector("button.danger")).click();
        assertThat(waitFor(By.id("cancel-effects")).getText()).contains(Format.count(open) + " × " + first.name() + ":");
        browser.findElement(By.id("yes-cancel")).click();
        flashSaying(Format.count(open) + " × " + first.name() + " cancelled");
        assertThat(browser.getCurrentUrl()).endsWith("/console/backorders");
        assertThat(browser.findElement(By.id("place-" + behind.orderId() + "-" + behind.lineNumber())).getText())
                .isEqualTo(String.valueOf(behind.place() - 1));
        OrderLine line = api.restock().read(h -> api.restock().orders().find(h, first.orderId())).lines().get(first.lineNumber() - 1);
        assertThat(line.quantities().waiting()).isZero();
        assertThat(line.quantities().cancelled()).isEqualTo(open);
        screenshot("backorder-cancelled");
    }

    private void raisingALinesPriorityMovesItToTheFrontOfItsQueue() throws Exception {
        ConsoleRows.QueueLine last = queries().backorderQueue(Optional.empty()).stream().filter(line -> line.place() > 1)
                .max(java.util.Comparator.comparingInt(ConsoleRows.QueueLine::place)).orElseThrow();
        browser.get(base + "/console/backorders");
        WebElement row = browser.findElement(By.id("line-" + last.orderId() + "-" + last.lineNumber()));
        new org.openqa.selenium.support.ui.Select(row.findElement(By.name("priority"))).selectByValue("5");
        row.findElement(By.cssSelector("form.priority button")).click();
        flashSaying("now has priority 5: place 1 in the queue for " + last.sku());
        assertThat(queries().backorderQueue(Optional.of(Sku.of(last.sku())))).filteredOn(line -> line.place() == 1)
                .singleElement().satisfies(line -> assertThat(line.orderId()).isEqualTo(last.orderId()));
        screenshot("backorder-priority");
    }

    private void receivingAPurchaseOrderFillsTheQueue() throws Exception {
        ConsoleRows.QueueLine waiting = queries().backorderQueue(Optional.empty()).stream()
                .filter(line -> !queries().sku(Sku.of(line.sku())).incoming().isEmpty()).findFirst().orElseThrow();
        Sku sku = Sku.of(waiting.sku());
        ConsoleRows.IncomingRow incoming = queries().sku(sku).incoming().get(0);
        browser.get(base + "/console/purchase-orders/" + incoming.purchaseOrderId());
        browser.findElement(By.id("receive-1")).sendKeys(Integer.toString(incoming.openUnits()));
        browser.findElement(By.id("receive-button")).click();
        flashSaying(Format.plural(incoming.openUnits(), "unit") + " received");
        assertThat(browser.findElement(By.id("received-1")).getText()).isEqualTo(Format.count(incoming.openUnits()));
        screenshot("purchase-order-received");
        browser.get(base + "/console/backorders?sku=" + sku.code());
        assertThat(waitFor(By.id("queue-empty")).getText()).contains("No line is waiting");
        assertThat(queries().backorderQueue(Optional.of(sku))).isEmpty();
    }

    private void theSkuPageDrawsHistoryAndForecast() throws Exception {
        browser.get(base + "/console/skus/" + FAN.code());
        WebElement chart = chartDrawn("sku-chart");
        // the weeks since the fan's first day (at most 26; none before it existed) and 12 ahead
        int weeksOfHistory = api.restock().read(h -> new restock.service.PlanningQueries(api.restock()).chart(h, FAN, 12)).history().size();
        assertThat(weeksOfHistory).isPositive().isLessThanOrEqualTo(26);
        assertThat(Integer.parseInt(chart.getAttribute("data-chart-points"))).as("weeks of history and 12 ahead").isEqualTo(weeksOfHistory + 12);
        assertThat(Integer.parseInt(chart.getAttribute("data-chart-values"))).as("sku chart values").isPositive();
        // The key: demand in its own colour, the weeks out of stock in theirs (the Demand key took the grey of an
        // out-of-stock first week), and the forecast named in words, not by its method's code ("Forecast (ses)").
        java.util.Map<String, String> key = legend("sku-chart");
        assertThat(key).containsKeys("Demand", "Demand in a week out of stock (may have been higher)");
        assertThat(key.get("Demand")).isNotEqualTo(key.get("Demand in a week out of stock (may have been higher)"));
        assertThat(key.keySet()).anySatisfy(text -> assertThat(text).matches("Forecast, by (weeks|months) \\([A-Za-z ,-]+\\)"));
        assertThat(browser.findElements(By.cssSelector("#movements tbody tr"))).isNotEmpty();
        // What the shop shows for one fan, as the storefront's own answer gives it (20 free: in stock).
        var shop = api.restock().read(h -> api.restock().availability().availability(h, FAN, 1));
        assertThat(browser.findElement(By.id("shop-answer")).getText())
                .isEqualTo("The shop says, for one unit: " + shop.availability().message()).startsWith("The shop says, for one unit: In stock");
        screenshot("sku");
        browser.findElement(By.id("counted")).sendKeys("18");
        browser.findElement(By.id("record-count")).click();
        flashSaying("18 on hand (was 20)");
        assertThat(browser.findElement(By.id("on-hand")).getText()).isEqualTo("18");
        assertThat(browser.findElement(By.cssSelector("#movements tbody tr")).getText()).contains("count").contains("counted by " + USER);
    }

    /** Name, price and policy changed on the SKU page: the product changes, and the change is in its audit trail. */
    private void aProductIsEditedFromItsPage() throws Exception {
        browser.get(base + "/console/skus/" + FAN.code());
        WebElement name = browser.findElement(By.id("edit-name"));
        name.clear();
        name.sendKeys("Silk Fan, hand painted");
        WebElement price = browser.findElement(By.id("edit-price"));
        assertThat(price.getAttribute("value")).isEqualTo("12.99");
        price.clear();
        price.sendKeys("14.50");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("edit-policy"))).selectByValue("always");
        browser.findElement(By.id("edit-cap")).sendKeys("40");
        browser.findElement(By.id("save-product")).click();
        assertThat(flashSaying("Product FAN-1 saved")).isEqualTo("Product FAN-1 saved: Silk Fan, hand painted, 14.50 GBP, backorders always.");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Silk Fan, hand painted");
        Product edited = api.restock().read(h -> api.restock().catalog().find(h, FAN));
        assertThat(edited.price()).isEqualTo(new Money(1450, "GBP"));
        assertThat(edited.backorderPolicy()).isEqualTo(new BackorderPolicy.Always(java.util.OptionalInt.of(40)));
        assertThat(browser.findElement(By.cssSelector("#audit tbody tr")).getText()).contains(USER + " (console)")
                .contains("price 12.99 GBP → 14.50 GBP").contains("backorders when supply is confirmed → always");
        chartDrawn("sku-chart");
        scrollTo("edit-product");
        screenshot("product-edited");
        // A price with more decimals than the currency has is refused, and nothing changes.
        price = browser.findElement(By.id("edit-price"));
        price.clear();
        price.sendKeys("14.555");
        browser.findElement(By.id("save-product")).click();
        textSaying(By.tagName("main"), "at most 2 decimals");
        assertThat(api.restock().read(h -> api.restock().catalog().find(h, FAN)).price()).isEqualTo(new Money(1450, "GBP"));
    }

    private void aSuggestionBecomesAPurchaseOrder() throws Exception {
        assertThat(queries().sku(FAN).incoming()).isEmpty();
        browser.get(base + "/console/planning");
        WebElement section = browser.findElements(By.cssSelector("section.suggestion")).stream()
                .filter(s -> s.findElement(By.tagName("h2")).getText().equals(FAN_SUPPLIER)).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion for " + FAN_SUPPLIER + ": " + browser.findElement(By.tagName("main")).getText()));
        String units = section.findElement(By.name("quantity-" + FAN.code())).getAttribute("value");
        screenshot("planning");
        // On a phone each cell sits right of its label; a sentence so placed was ragged on the left (a newcomer's check).
        browser.manage().window().setSize(new Dimension(390, 844));
        WebElement why = section.findElement(By.cssSelector("td[data-label='Why']"));
        assertThat(why.getCssValue("text-align")).as("the Why sentence on a phone").isIn("left", "start");
        screenshot("phone-planning");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        section.findElement(By.cssSelector("button.make-po")).click();
        flashSaying("created from 1 suggestion");
        List<ConsoleRows.IncomingRow> ordered = queries().sku(FAN).incoming();
        assertThat(ordered).singleElement().satisfies(row -> {
            assertThat(row.supplier()).isEqualTo(FAN_SUPPLIER);
            assertThat(row.openUnits()).isEqualTo(Integer.parseInt(units));
        });
    }

    private void theOrderSearchNarrowsAsStaffType() throws Exception {
        browser.get(base + "/console/orders");
        int all = browser.findElements(By.cssSelector("#orders tbody tr")).size();
        browser.findElement(By.id("order-search")).sendKeys("fan12@");
        wait(20).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#orders tbody tr"), 1));
        assertThat(browser.findElement(By.cssSelector("#orders tbody tr")).getText()).contains("fan12@example.com");
        assertThat(all).isGreaterThan(1);
    }

    private void anOrderShipsAndAnotherIsCancelledFromItsPage() throws Exception {
        // An order without a card (paid at the till, say): ready to ship as soon as it is reserved.
        long reserved = api.restock().inTransaction(h -> api.restock().orders().place(h, new OrderRequest("walk-in@example.com", true, 0,
                List.of(new OrderRequest.Line(Sku.of("22423"), 2)), Optional.empty()))).id();
        browser.get(base + "/console/orders/" + reserved);
        browser.findElement(By.id("ship")).click();
        flashSaying("2 units of order " + reserved + " shipped");
        assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("shipped");
        assertThat(browser.findElements(By.id("ship"))).as("nothing left to ship or cancel").isEmpty();
        screenshot("order-shipped");

        // An order that waits for most of its units (22423 may always wait, and the demo sells it out), shipped nothing.
        long waiting = api.restock().inTransaction(h -> api.restock().orders().place(h, new OrderRequest("waiting@example.com", true, 0,
                List.of(new OrderRequest.Line(Sku.of("22423"), 900)), Optional.empty()))).id();
        assertThat(api.restock().read(h -> api.restock().orders().find(h, waiting)).status().code()).isEqualTo("backordered");
        browser.get(base + "/console/orders/" + waiting);
        browser.findElement(By.id("cancel-link")).click();
        assertThat(flashSaying("Cancel link for the customer made")).contains("copy it below");
        // A link to follow and a Copy button (it was text in the message, to select by hand).
        WebElement link = browser.findElement(By.id("customer-cancel-url"));
        assertThat(link.getAttribute("href")).isEqualTo(link.getText()).contains("/cancel/");
        browser.findElement(By.id("copy-cancel-link")).click();
        wait(10).until(ExpectedConditions.textToBe(By.id("copy-cancel-link-said"), "Copied."));
        browser.findElement(By.id("cancel-order")).click();
        // The button asks first, saying what cancelling will do; "Yes, cancel" does it.
        assertThat(waitFor(By.id("cancel-effects")).getText()).contains("waiting for stock leave the queue");
        browser.findElement(By.id("yes-cancel")).click();
        // Restock took no payment for them: the console does not claim to know what the customer paid the shop.
        flashSaying("cancelled; Restock took no payment for them, so if the customer paid the shop, the shop refunds them");
        assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("cancelled");
    }

    private void aPurchaseOrderIsCreatedFromTheForm() throws Exception {
        browser.get(base + "/console/purchase-orders");
        browser.findElement(By.name("supplier")).sendKeys("Nara Paper Co.");
        browser.findElement(By.name("new-supplier")).click();
        List<WebElement> skus = browser.findElements(By.name("sku"));
        List<WebElement> units = browser.findElements(By.name("quantity"));
        skus.get(0).sendKeys("LAMP-1");
        units.get(0).sendKeys("25");
        browser.findElement(By.cssSelector("#new-po button[type=submit]")).click();
        flashSaying("to Nara Paper Co. created with 1 line");
        assertThat(browser.findElement(By.id("po-status")).getText()).isEqualTo("open");
        assertThat(queries().sku(Sku.of("LAMP-1")).incoming()).extracting(ConsoleRows.IncomingRow::supplier).contains("Nara Paper Co.");
    }

    /** The supplier the purchase order form just added, found from the suppliers list: its terms are kept on its page. */
    private void aSuppliersLeadTimeIsChangedOnItsPage() throws Exception {
        browser.get(base + "/console/suppliers");
        browser.findElement(By.linkText("Nara Paper Co.")).click();
        wait(20).until(ExpectedConditions.textToBe(By.tagName("h1"), "Nara Paper Co."));
        assertThat(browser.findElement(By.id("lead-time")).getText()).isEqualTo("not stated");
        assertThat(browser.findElements(By.cssSelector("#supplier-purchase-orders tbody tr"))).hasSize(1);
        browser.findElement(By.id("supplier-lead-time")).sendKeys("21");
        WebElement packSize = browser.findElement(By.id("supplier-pack"));
        packSize.clear();
        packSize.sendKeys("12");
        browser.findElement(By.id("save-supplier")).click();
        assertThat(flashSaying("Supplier Nara Paper Co. saved")).isEqualTo("Supplier Nara Paper Co. saved: lead time 21 days, minimum order 0 units, packs of 12.");
        assertThat(browser.findElement(By.id("lead-time")).getText()).isEqualTo("21 days");
        assertThat(browser.findElement(By.cssSelector("#supplier-audit tbody tr")).getText()).contains(USER + " (console)").contains("lead time (days) (none) → 21").doesNotContain("leadTimeDays");
        screenshot("supplier");
    }

    private void aProductIsCreatedFromTheProductsList() throws Exception {
        browser.get(base + "/console/products");
        browser.findElement(By.id("new-product-link")).click();
        wait(20).until(ExpectedConditions.textToBe(By.tagName("h1"), "New product"));
        assertThat(browser.findElement(By.id("new-currency")).getAttribute("value")).isEqualTo("GBP");
        browser.findElement(By.id("new-sku")).sendKeys("KITE-1");
        browser.findElement(By.id("new-name")).sendKeys("Paper Kite");
        browser.findElement(By.id("new-price")).sendKeys("7.25");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("new-policy"))).selectByValue("always");
        browser.findElement(By.id("new-cap")).sendKeys("10");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("new-supplier"))).selectByVisibleText("Nara Paper Co.");
        screenshot("product-new");
        browser.findElement(By.id("create-product")).click();
        assertThat(flashSaying("Product KITE-1 created")).isEqualTo("Product KITE-1 created: Paper Kite, 7.25 GBP, backorders always.");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Paper Kite");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("edit-supplier"))).getFirstSelectedOption().getText())
                .isEqualTo("Nara Paper Co.");
        assertThat(api.restock().read(h -> api.restock().catalog().find(h, Sku.of("KITE-1"))).backorderPolicy())
                .isEqualTo(new BackorderPolicy.Always(java.util.OptionalInt.of(10)));
    }

    private void thePagesAreReadableOnAPhone() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        // The SKU chart's bars were flat under its six-entry key on a phone.
        browser.get(base + "/console/skus/" + FAN.code());
        chartDrawn("sku-chart");
        Number plotHeight = (Number) js.executeScript("return Chart.getChart(document.getElementById('sku-chart')).chartArea.height;");
        assertThat(plotHeight.intValue()).as("the SKU chart's plot height on a phone, in px").isGreaterThanOrEqualTo(MIN_PHONE_PLOT_PX);
        screenshot("phone-sku");
        // The new purchase order's SKU box was a few characters wide beside the date, and "New supplier" sat under its box.
        browser.get(base + "/console/purchase-orders");
        Number skuShare = (Number) js.executeScript("return document.querySelector('#new-po input[name=sku]').getBoundingClientRect().width"
                + " / document.getElementById('new-po').getBoundingClientRect().width;");
        assertThat(skuShare.doubleValue()).as("the SKU box's share of the form's width on a phone").isGreaterThan(0.6);
        Number offCentre = (Number) js.executeScript("var input = document.querySelector('#new-po input[name=new-supplier]');"
                + " var box = input.getBoundingClientRect(); var words = document.createRange(); words.selectNodeContents(input.parentElement.lastChild);"
                + " var line = words.getBoundingClientRect(); return Math.abs((box.top + box.bottom) / 2 - (line.top + line.bottom) / 2);");
        assertThat(offCentre.doubleValue()).as("px between the middles of the New supplier box and its words").isLessThan(4);
        // The order search's hint was cut to "order number, email, S": the box shows all of it.
        browser.get(base + "/console/orders");
        Number hintShort = (Number) js.executeScript("var box = document.getElementById('order-search'); var style = getComputedStyle(box);"
                + " var pen = document.createElement('canvas').getContext('2d'); pen.font = style.font;"
                + " return pen.measureText(box.placeholder).width - (box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));");
        assertThat(hintShort.doubleValue()).as("px of the order search's hint that do not fit its box on a phone").isLessThanOrEqualTo(0);
        for (String page : List.of("overview", "backorders", "purchase-orders", "products/new")) {
            browser.get(base + "/console/" + page);
            Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as(page + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
            // The menu scrolled sideways inside itself, "Purchase orde" cut off with no cue: every entry shows whole.
            WebElement menu = browser.findElement(By.cssSelector("header.top nav"));
            Number hidden = (Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return arguments[0].scrollWidth - arguments[0].clientWidth;", menu);
            assertThat(hidden.intValue()).as(page + "'s menu hides entries sideways on a phone").isLessThanOrEqualTo(0);
            assertThat(menu.findElements(By.tagName("a"))).allSatisfy(entry -> assertThat(entry.isDisplayed()).isTrue());
            screenshot("phone-" + page.replace('/', '-'));
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private void signingOutEndsTheSession() {
        browser.get(base + "/console/overview");
        browser.findElement(By.cssSelector("form.who button")).click();
        wait(20).until(ExpectedConditions.urlContains("/console/login"));
        browser.get(base + "/console/overview");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    }

    /** A chart's key as drawn: each entry's words and its colour. */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, String> legend(String id) {
        List<List<String>> items = (List<List<String>>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(document.getElementById(arguments[0])).legend.legendItems.map(function (i) { return [i.text, String(i.fillStyle)]; });", id);
        java.util.Map<String, String> key = new java.util.LinkedHashMap<>();
        items.forEach(item -> key.put(item.get(0), item.get(1)));
        return key;
    }

    private static ConsoleQueries queries() {
        return new ConsoleQueries(api.restock());
    }

    private static WebElement chartDrawn(String id) {
        wait(30).until(driver -> {
            String state = driver.findElement(By.id(id)).getAttribute("data-chart-state");
            if ("failed".equals(state)) {
                throw new AssertionError("chart " + id + " failed: " + driver.findElement(By.tagName("main")).getText());
            }
            return "drawn".equals(state);
        });
        return browser.findElement(By.id(id));
    }

    private static void scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    private static WebElement waitFor(By by) {
        try {
            return wait(20).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + by + " on " + browser.getCurrentUrl() + ", which shows: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** The flash message once it says {@code expected} ({@link #textSaying}). */
    private static String flashSaying(String expected) {
        return textSaying(By.id("flash"), expected);
    }

    /**
     * An element's text once it says {@code expected}, the element found afresh at each look: after a click that loads
     * a new page, the previous page's element (a flash, the main part) can still be found, and went stale under the
     * assertion (two CI runs).
     */
    private static String textSaying(By by, String expected) {
        try {
            wait(20).until(ExpectedConditions.textToBePresentInElementLocated(by, expected));
            return browser.findElement(by).getText();
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + by + " saying '" + expected + "' on " + browser.getCurrentUrl() + ", which shows: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriver browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("restock-chromium"));
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }
}
