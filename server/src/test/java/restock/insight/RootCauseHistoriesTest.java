package restock.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Lifecycle;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.service.CauseAnalysis;
import restock.service.Restock;
import restock.store.Database;
import restock.store.SqlCauses;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Histories built through the real commands, in each of which one cause is the true one: the cause analysis must
 * name it first, with the evidence that shows it, read from the record as it stood at the event.
 */
class RootCauseHistoriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Database database;
    private TestClock clock;
    private Restock restock;
    private int customers;

    @BeforeEach
    void open() {
        database = TestDatabases.targets().get(0).freshSchema();
        clock = new TestClock(Instant.parse("2026-01-05T09:00:00Z"));
        restock = new Restock(database.jdbi(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_line_that_waits_after_demand_far_above_its_forecast_is_a_demand_spike() {
        Sku sku = product("SPIKE", new BackorderPolicy.Always(java.util.OptionalInt.empty()), Lifecycle.ACTIVE);
        count(sku, 200);
        purchase("Acme", sku, 60, today().plusDays(70));
        for (int day = 0; day < 60; day++) {
            sell(sku, day % 2 == 0 ? 1 : 3);
            nextDay();
        }
        place(sku, 150);

        List<JsonNode> causes = onlyEventCauses();
        assertThat(kinds(causes)).containsExactly("demand_spike");
        JsonNode evidence = causes.get(0).get("evidence");
        assertThat(evidence.get("leadTimeDays").asInt()).isEqualTo(14);
        // Days 47 to 59 sold 7 x 3 + 6 x 1 units, and the event's line asked for 150.
        assertThat(evidence.get("leadTimeDemandUnits").asInt()).isEqualTo(177);
        // Baseline days 0 to 46 sold 24 x 1 + 23 x 3 = 93 units: 93 / 47 x 14 = 27.7 expected.
        assertThat(evidence.get("forecastMeanUnits").asDouble()).isEqualTo(27.7);
        assertThat(evidence.get("forecastUpper80Units").asDouble()).isBetween(27.7, 40.0);
    }

    @Test
    void a_line_that_waits_while_a_purchase_order_due_ten_days_ago_has_not_arrived_blames_the_late_supplier() {
        Sku sku = product("LATE", new BackorderPolicy.Always(java.util.OptionalInt.empty()), Lifecycle.ACTIVE);
        count(sku, 40);
        purchase("Slow Ltd", sku, 100, today().plusDays(10));
        sellDaily(sku, 2, 20);
        place(sku, 5);

        List<JsonNode> causes = onlyEventCauses();
        assertThat(kinds(causes)).containsExactly("supplier_late");
        JsonNode line = causes.get(0).get("evidence").get("purchaseOrderLines").get(0);
        assertThat(line.get("supplier").asText()).isEqualTo("Slow Ltd");
        // Counted from the date first confirmed: "late" (its first name, daysOverdue, is kept for clients that read it).
        assertThat(line.get("daysLate").asInt()).isEqualTo(10);
        assertThat(line.get("daysOverdue").asInt()).isEqualTo(10);
        assertThat(line.get("receivedByEventUnits").asInt()).isZero();
        assertThat(causes.get(0).get("evidence").get("missingUnits").asInt()).isEqualTo(100);
    }

    @Test
    void a_line_that_waits_after_a_purchase_order_was_closed_short_blames_the_short_supplier() {
        Sku sku = product("SHORT", new BackorderPolicy.Always(java.util.OptionalInt.empty()), Lifecycle.ACTIVE);
        count(sku, 20);
        PurchaseOrder po = purchase("Partial & Co", sku, 100, today().plusDays(10));
        sellDaily(sku, 2, 10);
        restock.inTransaction(h -> restock.purchasing().receive(h, po.id(), List.of(new ReceiptPlan.Received(sku, 30))));
        restock.inTransaction(h -> restock.purchasing().close(h, po.id()));
        sellDaily(sku, 4, 7);
        sellDaily(sku, 2, 1);
        place(sku, 5);

        List<JsonNode> causes = onlyEventCauses();
        assertThat(kinds(causes)).containsExactly("supplier_short");
        JsonNode line = causes.get(0).get("evidence").get("purchaseOrderLines").get(0);
        assertThat(line.get("orderedUnits").asInt()).isEqualTo(100);
        assertThat(line.get("receivedByEventUnits").asInt()).isEqualTo(30);
        assertThat(line.get("closedShort").asBoolean()).isTrue();
    }

    @Test
    void a_line_refused_when_stock_ran_out_with_nothing_ever_ordered_is_a_planning_failure() {
        Sku sku = product("NOPLAN", new BackorderPolicy.Never(), Lifecycle.ACTIVE);
        count(sku, 30);
        sellDaily(sku, 2, 15);
        place(sku, 3);

        List<JsonNode> causes = onlyEventCauses();
        assertThat(stored().get(0).get("outcome").asText()).isEqualTo("refused");
        assertThat(kinds(causes)).containsExactly("planning");
        assertThat(causes.get(0).get("evidence").get("openPurchaseOrderLines").asInt()).isZero();
    }

    @Test
    void a_line_that_waits_after_a_count_found_the_record_overstated_is_a_record_error() {
        Sku sku = product("MISCOUNT", new BackorderPolicy.Always(java.util.OptionalInt.empty()), Lifecycle.ACTIVE);
        count(sku, 100);
        purchase("Acme", sku, 100, today().plusDays(40));
        sellDaily(sku, 2, 20);
        count(sku, 0);
        nextDay();
        place(sku, 4);

        List<JsonNode> causes = onlyEventCauses();
        assertThat(kinds(causes)).containsExactly("record_error");
        assertThat(causes.get(0).get("evidence").get("unitsMissing").asInt()).isEqualTo(60);
        assertThat(causes.get(0).get("evidence").get("counts").get(0).get("day").asText()).isEqualTo(today().minusDays(1).toString());
    }

    @Test
    void a_line_that_waits_for_stock_held_until_the_release_day_is_policy() {
        Sku sku = product("PREORDER", new BackorderPolicy.WhenSupplyConfirmed(),
                new Lifecycle(Optional.of(today().plusDays(10)), false));
        count(sku, 50);
        nextDay();
        place(sku, 5);

        List<JsonNode> causes = onlyEventCauses();
        assertThat(kinds(causes)).containsExactly("policy");
        assertThat(causes.get(0).get("evidence").get("onHandAtEventUnits").asInt()).isEqualTo(50);
        assertThat(causes.get(0).get("evidence").get("beforeRelease").asBoolean()).isTrue();
    }

    @Test
    void each_event_is_classified_once_and_a_second_pass_finds_nothing_to_do() {
        Sku sku = product("TWICE", new BackorderPolicy.Never(), Lifecycle.ACTIVE);
        place(sku, 2);
        CauseAnalysis analysis = new CauseAnalysis(restock, clock);
        assertThat(analysis.classifyPending(100)).isEqualTo(1);
        assertThat(analysis.classifyPending(100)).isZero();
        assertThat(stored()).hasSize(1);
    }

    private List<JsonNode> onlyEventCauses() {
        new CauseAnalysis(restock, clock).classifyPending(1000);
        List<JsonNode> stored = stored();
        assertThat(stored).as("one backorder event").hasSize(1);
        List<JsonNode> causes = new java.util.ArrayList<>();
        stored.get(0).get("causes").forEach(causes::add);
        return causes;
    }

    private List<JsonNode> stored() {
        return restock.read(h -> SqlCauses.list(h, Optional.empty(), Optional.empty(), LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1),
                Long.MAX_VALUE, 100)).stream().map(row -> {
                    try {
                        var node = JSON.createObjectNode().put("outcome", row.outcome()).put("primary", row.primaryCause());
                        node.set("causes", JSON.readTree(row.causesJson()));
                        return (JsonNode) node;
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static List<String> kinds(List<JsonNode> causes) {
        return causes.stream().map(cause -> cause.get("cause").asText()).toList();
    }

    private Sku product(String code, BackorderPolicy policy, Lifecycle lifecycle) {
        Sku sku = Sku.of(code);
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Product " + code, new Money(500, "GBP"), policy, lifecycle)));
        return sku;
    }

    private void count(Sku sku, int units) {
        restock.inTransaction(h -> restock.stock().count(h, sku, units, "counted"));
    }

    private PurchaseOrder purchase(String supplier, Sku sku, int units, LocalDate expected) {
        return restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest(supplier, true,
                List.of(new PurchaseOrderRequest.Line(sku, units, expected)))));
    }

    private Order place(Sku sku, int units) {
        customers++;
        return restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("customer" + customers + "@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, units)))));
    }

    /** An order shipped the day it is placed. */
    private void sell(Sku sku, int units) {
        Order order = place(sku, units);
        restock.inTransaction(h -> restock.orders().ship(h, order.id()));
    }

    private void sellDaily(Sku sku, int units, int days) {
        for (int day = 0; day < days; day++) {
            sell(sku, units);
            nextDay();
        }
    }

    private void nextDay() {
        clock.advance(Duration.ofDays(1));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
