package restock.payments;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.promise.PromiseSettings;
import restock.service.PaymentProcessor;
import restock.service.Restock;
import restock.store.Database;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment planner looks at every line in turn. Found by the chaos run: with more lines waiting for stock than
 * one planning batch holds, the planner read the same first batch every pass, and lines behind it were never
 * authorized or refunded (8 cancelled lines kept their charges; 481 lines were never authorized).
 */
class PaymentPlanningTest {
    private static final int BATCH = 3;
    private Database database;
    private TestClock clock;
    private Restock restock;
    private final Sku waitingSku = Sku.of("47566");
    private final Sku inStockSku = Sku.of("22423");

    @BeforeEach
    void open() {
        database = TestDatabases.targets().get(0).freshSchema();
        clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        restock = new Restock(database.jdbi(), clock, PromiseSettings.defaults(LocalDate.parse("2026-11-26")), PaymentPolicy.DEFAULT);
        restock.inTransaction(h -> restock.catalog().create(h, new Product(waitingSku, "Party Bunting", new Money(495, "GBP"),
                new BackorderPolicy.Always(OptionalInt.empty()))));
        restock.inTransaction(h -> restock.catalog().create(h, new Product(inStockSku, "Regency Cakestand 3 Tier", new Money(1_275, "GBP"),
                new BackorderPolicy.Always(OptionalInt.empty()))));
        restock.inTransaction(h -> restock.stock().count(h, inStockSku, 5, "opening"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Order place(Sku sku) {
        return restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("ann@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, 1)), Optional.of("pm_card_visa"))));
    }

    private PaymentState state(Order order) {
        return restock.read(h -> restock.orders().payments(h, order)).values().iterator().next().state();
    }

    @Test
    void a_line_behind_more_waiting_lines_than_a_planning_batch_is_still_authorized() {
        SimulatedGateway gateway = new SimulatedGateway(3, SimulatedGateway.Faults.NONE, clock);
        PaymentProcessor processor = new PaymentProcessor(restock, gateway, PaymentPolicy.DEFAULT, clock, BATCH);
        for (int i = 0; i < 2 * BATCH + 1; i++) {
            place(waitingSku);
        }
        Order inStock = place(inStockSku);

        processor.drain(20);

        assertThat(state(inStock)).as("a line placed after the waiting ones").isInstanceOf(PaymentState.Authorized.class);
        assertThat(gateway.openAuthorizations()).isEqualTo(1);
    }
}
