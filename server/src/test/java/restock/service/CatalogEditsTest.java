package restock.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.ProductPlacement;
import restock.catalog.AuditEntry;
import restock.catalog.BackorderPolicy;
import restock.catalog.Category;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.catalog.Supplier;
import restock.common.InvalidInput;
import restock.orders.OrderRequest;
import restock.planning.Planner;
import restock.store.Database;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Suppliers' terms and product edits: validated, audited field by field, and used by planning. */
class CatalogEditsTest {
    private Database database;
    private TestClock clock;
    private Restock restock;

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

    private Supplier supplier(int minimumOrder, int packSize) {
        Supplier draft = new Supplier(0, "Fan Works", Optional.of("Mei"), Optional.of("mei@fanworks.example"), Optional.empty(),
                Optional.of(21), minimumOrder, packSize, Optional.of("CNY"));
        return restock.inTransaction(h -> restock.catalogEdits().createSupplier(h, draft, "planner")).value();
    }

    @Test
    void planning_rounds_a_suggestion_up_to_the_supplier_s_minimum_order_and_whole_packs() {
        Supplier supplier = supplier(50, 12);
        Sku sku = Sku.of("FAN-1");
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Silk Fan", new Money(900, "GBP"), new BackorderPolicy.Always(
                java.util.OptionalInt.empty()))));
        restock.inTransaction(h -> restock.catalogEdits().editProduct(h, sku, filed -> new CatalogEdits.FiledProduct(filed.product(),
                new ProductPlacement(Optional.empty(), Optional.of(supplier.id()))), "planner"));
        for (int day = 0; day < 28; day++) {
            restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("c@example.com", true, 0, List.of(new OrderRequest.Line(sku, 1)))));
            clock.advance(Duration.ofDays(1));
        }
        Planner.SkuPlan plan = restock.read(h -> new PlanningQueries(restock).plan(h, 0.95, done -> { })).stream()
                .filter(p -> p.sku().equals("FAN-1")).findFirst().orElseThrow();
        assertThat(plan.supplier()).isEqualTo("Fan Works");
        assertThat(plan.suggestedQuantity()).isGreaterThanOrEqualTo(50);
        assertThat(plan.suggestedQuantity() % 12).isZero();
        // The supplier states 21 days and has delivered nothing yet: its stated lead time is planned with.
        assertThat(plan.reason()).contains("over 21 days");
    }

    @Test
    void each_edit_is_audited_with_who_and_each_changed_field_from_and_to_and_an_edit_changing_nothing_is_not() {
        Supplier supplier = supplier(0, 1);
        restock.inTransaction(h -> restock.catalogEdits().editSupplier(h, supplier.id(), s -> new Supplier(s.id(), s.name(), s.contactName(),
                s.contactEmail(), Optional.of("+44 20 7946 0000"), s.leadTimeDays(), 24, 6, s.currency()), "ops key (rk_ops_ab)"));
        restock.inTransaction(h -> restock.catalogEdits().editSupplier(h, supplier.id(), s -> s, "ops key (rk_ops_ab)"));
        var trail = restock.read(h -> restock.catalogEdits().auditTrail(h, "supplier", Long.toString(supplier.id())));
        assertThat(trail).extracting(AuditEntry::action).containsExactly("updated", "created");
        assertThat(trail.get(0).changedBy()).isEqualTo("ops key (rk_ops_ab)");
        assertThat(trail.get(0).changesJson()).contains("\"minimumOrder\": {\"to\": 24, \"from\": 0}")
                .contains("\"packSize\": {\"to\": 6, \"from\": 1}").doesNotContain("contactName");
    }

    @Test
    void a_product_cannot_be_filed_under_a_category_that_does_not_exist_and_can_under_one_that_does() {
        Sku sku = Sku.of("FAN-2");
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Paper Fan", new Money(300, "GBP"), new BackorderPolicy.Never())));
        assertThatThrownBy(() -> restock.inTransaction(h -> restock.catalogEdits().editProduct(h, sku, filed -> new CatalogEdits.FiledProduct(
                filed.product(), new ProductPlacement(Optional.of("fans"), Optional.empty())), "ops")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("no category 'fans'");
        restock.inTransaction(h -> restock.catalogEdits().createCategory(h, new Category("fans", "Fans"), "ops"));
        var filed = restock.inTransaction(h -> restock.catalogEdits().editProduct(h, sku, f -> new CatalogEdits.FiledProduct(
                f.product(), new ProductPlacement(Optional.of("fans"), Optional.empty())), "ops"));
        assertThat(filed.placement().category()).contains("fans");
    }

    @Test
    void supplier_terms_are_checked_where_they_enter() {
        assertThatThrownBy(() -> new Supplier(0, "X", Optional.empty(), Optional.of("not-an-email"), Optional.empty(), Optional.empty(), 0, 1,
                Optional.empty())).hasMessageContaining("contactEmail");
        assertThatThrownBy(() -> new Supplier(0, "X", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 1,
                Optional.of("abc"))).hasMessageContaining("ISO 4217");
        // Three capitals are a currency as stored (one set before the rule is read as it was); a new one must be money in use.
        Supplier abc = new Supplier(0, "X", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 1, Optional.of("ABC"));
        assertThatThrownBy(() -> restock.inTransaction(h -> restock.catalogEdits().createSupplier(h, abc, "ops")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> new Supplier(0, "X\u0000", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 1,
                Optional.empty())).hasMessageContaining("control");
        assertThatThrownBy(() -> new Supplier(0, "X", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(0), 0, 1,
                Optional.empty())).hasMessageContaining("leadTimeDays");
    }
}
