package restock.store;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.NotFound;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.service.Restock;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An order and a purchase order are read whole, header and lines, in one statement each: they were two, on every
 * order placed, cancelled or shipped, and a receipt read its purchase order three times (the model-based test's
 * statement counts showed it).
 */
class ReadsInOneStatementTest {
    private static final Sku FAN = Sku.of("FAN-1");
    private static final Sku LAMP = Sku.of("LAMP-1");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");

    private Database database;
    private Restock restock;
    private final AtomicInteger statements = new AtomicInteger();

    @BeforeEach
    void open() {
        database = TestDatabases.targets().get(0).freshSchema();
        database.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        restock = new Restock(database.jdbi(), new TestClock(Instant.parse("2026-03-10T09:00:00Z")));
        restock.inTransaction(h -> {
            restock.catalog().create(h, new Product(FAN, "Silk Fan", new Money(900, "GBP"), new BackorderPolicy.WhenSupplyConfirmed()));
            restock.catalog().create(h, new Product(LAMP, "Paper Lamp", new Money(1_500, "GBP"), new BackorderPolicy.WhenSupplyConfirmed()));
            return restock.stock().count(h, FAN, 3, "opening");
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private int statementsOf(Runnable read) {
        int before = statements.get();
        read.run();
        return statements.get() - before;
    }

    @Test
    void an_order_is_read_with_its_lines_and_their_promises_in_one_statement() {
        PurchaseOrder supply = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Kyoto Crafts", true,
                List.of(new PurchaseOrderRequest.Line(LAMP, 10, TODAY.plusDays(7))))));
        Order placed = restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("ann@example.com", true, 0,
                List.of(new OrderRequest.Line(FAN, 2), new OrderRequest.Line(LAMP, 4)))));

        Order[] read = new Order[1];
        assertThat(statementsOf(() -> read[0] = restock.read(h -> restock.orders().find(h, placed.id())))).isEqualTo(1);
        assertThat(read[0]).isEqualTo(placed);
        assertThat(read[0].lines()).extracting(line -> line.sku().code()).containsExactly("FAN-1", "LAMP-1");
        assertThat(read[0].lines().get(1).promise()).as("the waiting line's promise, on " + supply.id()).isPresent();
        assertThatThrownBy(() -> restock.read(h -> restock.orders().find(h, placed.id() + 1))).isInstanceOf(NotFound.class);
    }

    @Test
    void a_purchase_order_is_read_in_one_statement_and_a_receipt_answers_it_as_read_afterwards() {
        PurchaseOrder created = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Kyoto Crafts", true,
                List.of(new PurchaseOrderRequest.Line(FAN, 5, TODAY.plusDays(2)), new PurchaseOrderRequest.Line(LAMP, 2, TODAY.plusDays(4))))));

        PurchaseOrder[] read = new PurchaseOrder[1];
        assertThat(statementsOf(() -> read[0] = restock.read(h -> restock.purchasing().find(h, created.id())))).isEqualTo(1);
        assertThat(read[0]).isEqualTo(created);

        PurchaseOrder part = restock.inTransaction(h -> restock.purchasing().receive(h, created.id(), List.of(new ReceiptPlan.Received(FAN, 5))));
        assertThat(part.status()).isEqualTo(PurchaseOrder.Status.OPEN);
        assertThat(part).isEqualTo(restock.read(h -> restock.purchasing().find(h, created.id())));
        PurchaseOrder whole = restock.inTransaction(h -> restock.purchasing().receive(h, created.id(), List.of(new ReceiptPlan.Received(LAMP, 2))));
        assertThat(whole.status()).as("closed once every line has come").isEqualTo(PurchaseOrder.Status.CLOSED);
        assertThat(whole).isEqualTo(restock.read(h -> restock.purchasing().find(h, created.id())));
        assertThatThrownBy(() -> restock.read(h -> restock.purchasing().find(h, created.id() + 1))).isInstanceOf(NotFound.class);
    }
}
