package restock.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.catalog.Supplier;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.store.Database;
import restock.support.TestClock;
import restock.support.TestDatabases;
import restock.views.ConsoleRows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a new purchase order may promise, whom it may name, and what the console lists as due. */
class PurchaseOrderRulesTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    private static final Sku FAN = Sku.of("FAN-1");

    private Database database;
    private Restock restock;

    @BeforeEach
    void open() {
        database = TestDatabases.targets().get(0).freshSchema();
        restock = new Restock(database.jdbi(), new TestClock(Instant.parse("2026-03-10T09:00:00Z")));
        restock.inTransaction(h -> restock.catalog().create(h, new Product(FAN, "Silk Fan", new Money(900, "GBP"),
                new BackorderPolicy.WhenSupplyConfirmed())));
        Supplier midlands = new Supplier(0, "Midlands Paper", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                0, 1, Optional.empty());
        restock.inTransaction(h -> restock.catalogEdits().createSupplier(h, midlands, "test"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private PurchaseOrder create(String supplier, boolean newSupplier, LocalDate... expected) {
        List<PurchaseOrderRequest.Line> lines = java.util.Arrays.stream(expected).map(date -> new PurchaseOrderRequest.Line(FAN, 10, date)).toList();
        return restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest(supplier, newSupplier, lines)));
    }

    private long count(String table) {
        return restock.read(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }

    @Test
    void a_new_purchase_order_line_expected_before_today_is_refused_naming_the_line_and_nothing_counts_as_supply() {
        assertThatThrownBy(() -> create("Midlands Paper", false, TODAY.plusDays(5), TODAY.minusDays(1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("lines[1].expectedDate");
                    assertThat(e.getMessage()).contains(TODAY.minusDays(1).toString()).contains("before today (" + TODAY + ")")
                            .contains("enter the date the supplier now promises");
                });
        assertThat(count("purchase_orders")).isZero();
        assertThat(restock.read(h -> restock.stock().level(h, FAN)).incoming()).isZero();
        // Today itself is a promise about the future: due today, not yet late.
        assertThat(create("Midlands Paper", false, TODAY).lines().get(0).expectedDate()).isEqualTo(TODAY);
    }

    @Test
    void rescheduling_a_line_into_the_past_is_refused_and_an_existing_overdue_line_stays_supply() {
        PurchaseOrder order = create("Midlands Paper", false, TODAY.plusDays(3));
        assertThatThrownBy(() -> restock.inTransaction(h -> restock.purchasing().reschedule(h, order.id(), 1, TODAY.minusDays(2))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("expectedDate"));
        assertThat(restock.read(h -> restock.stock().level(h, FAN)).incoming()).isEqualTo(10);
    }

    @Test
    void a_mistyped_supplier_is_refused_with_the_closest_existing_name_and_no_supplier_is_created() {
        long suppliers = count("suppliers");
        assertThatThrownBy(() -> create("Midlnds Paper", false, TODAY.plusDays(7)))
                .isInstanceOfSatisfying(NotFound.class, e -> {
                    assertThat(e.field()).isEqualTo("supplier");
                    assertThat(e.getMessage()).contains("no supplier 'Midlnds Paper'; did you mean 'Midlands Paper'?")
                            .contains("\"newSupplier\": true");
                });
        assertThat(count("suppliers")).isEqualTo(suppliers);
        assertThat(count("purchase_orders")).isZero();
    }

    @Test
    void a_supplier_far_from_every_name_is_refused_without_a_guess_and_created_when_the_request_says_it_is_new() {
        assertThatThrownBy(() -> create("Kyoto Fans Ltd", false, TODAY.plusDays(7)))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.getMessage()).doesNotContain("did you mean"));
        PurchaseOrder first = create("Kyoto Fans Ltd", true, TODAY.plusDays(7));
        PurchaseOrder second = create("Kyoto Fans Ltd", true, TODAY.plusDays(8));
        assertThat(second.supplier()).isEqualTo(first.supplier()).isEqualTo("Kyoto Fans Ltd");
        assertThat(count("suppliers")).isEqualTo(2);
        // Once created it is an existing supplier: later orders name it without saying it is new.
        assertThat(create("Kyoto Fans Ltd", false, TODAY.plusDays(9)).supplier()).isEqualTo("Kyoto Fans Ltd");
    }

    @Test
    void closed_short_and_cancelled_purchase_orders_have_nothing_due_on_the_console_list() {
        PurchaseOrder shortOne = create("Midlands Paper", false, TODAY.plusDays(2), TODAY.plusDays(9));
        restock.inTransaction(h -> restock.purchasing().receive(h, shortOne.id(), List.of(new ReceiptPlan.Received(FAN, 4))));
        restock.inTransaction(h -> restock.purchasing().close(h, shortOne.id()));
        PurchaseOrder cancelled = create("Midlands Paper", false, TODAY.plusDays(4));
        restock.inTransaction(h -> restock.purchasing().cancel(h, cancelled.id()));
        PurchaseOrder open = create("Midlands Paper", false, TODAY.plusDays(6));
        List<ConsoleRows.PurchaseOrderRow> rows = new ConsoleQueries(restock).purchaseOrders(Optional.empty(), 1).rows();
        assertThat(rows).extracting(ConsoleRows.PurchaseOrderRow::id).containsExactly(open.id(), cancelled.id(), shortOne.id());
        assertThat(rows.get(0).nextExpected()).contains(TODAY.plusDays(6));
        assertThat(rows.get(1).nextExpected()).isEmpty();
        assertThat(rows.get(2).nextExpected()).as("closed short with 16 units never delivered").isEmpty();
        assertThat(new ConsoleQueries(restock).purchaseOrders(Optional.of("closed"), 1).rows().get(0).nextExpected()).isEmpty();
    }
}
