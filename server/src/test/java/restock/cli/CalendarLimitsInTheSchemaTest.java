package restock.cli;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.CalendarLimits;
import restock.common.InvalidInput;
import restock.service.CatalogEdits;
import restock.purchasing.PurchaseOrderRequest;
import restock.service.Restock;
import restock.store.Database;
import restock.support.TestDatabases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database holds dates from outside to {@link CalendarLimits} (V65), as the code does where they enter. Rows stored
 * before the limits keep their dates until mended, and export names them instead of writing 'infinity' or year 0.
 */
class CalendarLimitsInTheSchemaTest {
    /** The last migration before the limits were in the schema. */
    private static final String BEFORE_THE_LIMITS = "64";
    private static final String RELEASE = "products_release_date_within_limits";
    private static final String EXPECTED = "purchase_order_lines_expected_date_within_limits";

    @TempDir
    Path folder;

    private static void refused(Handle handle, String sql, String constraint) {
        assertThatThrownBy(() -> handle.execute(sql)).as(sql).hasMessageContaining("violates check constraint \"" + constraint + "\"");
    }

    private static boolean validated(Handle handle, String constraint) {
        return handle.createQuery("select convalidated from pg_constraint where conname = :name and connamespace = current_schema()::regnamespace")
                .bind("name", constraint).mapTo(Boolean.class).one();
    }

    private static Product rename(Product product, String name) {
        return new Product(product.sku(), name, product.price(), product.backorderPolicy(), product.lifecycle(), product.listing());
    }

    @Test
    void a_new_database_refuses_a_release_or_expected_date_outside_the_limits_and_takes_the_limits_themselves() {
        try (Database database = TestDatabases.targets().get(0).freshSchema()) {
            Restock restock = new Restock(database.jdbi(), Clock.systemUTC());
            LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(10);
            restock.inTransaction(h -> {
                restock.catalog().create(h, new Product(Sku.of("D-1"), "Dated", new Money(100, "GBP"), new BackorderPolicy.Never()));
                return restock.purchasing().create(h, new PurchaseOrderRequest("Dates Ltd", true,
                        List.of(new PurchaseOrderRequest.Line(Sku.of("D-1"), 5, soon))));
            });
            database.jdbi().useHandle(h -> {
                assertThat(validated(h, RELEASE)).isTrue();
                assertThat(validated(h, EXPECTED)).isTrue();
                for (String outside : List.of("infinity", "-infinity", "0001-12-31 BC", "1899-12-31", "10000-01-01")) {
                    refused(h, "update products set release_date = '" + outside + "' where sku = 'D-1'", RELEASE);
                    refused(h, "update purchase_order_lines set expected_date = '" + outside + "'", EXPECTED);
                }
                for (LocalDate limit : List.of(CalendarLimits.EARLIEST, CalendarLimits.LATEST)) {
                    assertThat(h.createUpdate("update products set release_date = :day where sku = 'D-1'").bind("day", limit).execute()).isOne();
                    assertThat(h.createUpdate("update purchase_order_lines set expected_date = :day").bind("day", limit).execute()).isOne();
                }
            });
        }
    }

    @Test
    void old_dates_outside_the_limits_do_not_stop_the_migration_and_export_names_them_instead_of_writing_them() throws Exception {
        TestDatabases.Target target = TestDatabases.targets().get(0);
        String schema = TestDatabases.newSchemaName();
        Flyway.configure().dataSource(target.jdbcUrl(), null, null).schemas(schema).locations("classpath:db/migration")
                .target(BEFORE_THE_LIMITS).load().migrate();
        Jdbi old = Jdbi.create(target.jdbcUrl());
        try {
            old.useHandle(h -> {
                h.execute("set search_path to " + schema);
                h.execute("""
                        insert into products (sku, name, price_minor, currency, backorder_policy, release_date, created_at) values
                            ('FOREVER', 'Imported as +999999999-12-31', 100, 'GBP', 'never', 'infinity', now()),
                            ('YEAR-0', 'Imported as 0000-01-01', 100, 'GBP', 'never', '0001-01-01 BC', now()),
                            ('FINE', 'Released', 100, 'GBP', 'never', '2027-03-01', now())""");
            });
            try (Database database = Database.connect(target.jdbcUrl(), Optional.of(schema))) {
                database.jdbi().useHandle(h -> {
                    assertThat(validated(h, RELEASE)).as("old rows break it: not validated").isFalse();
                    assertThat(validated(h, EXPECTED)).as("no old row breaks it: validated").isTrue();
                    refused(h, "insert into products (sku, name, price_minor, currency, backorder_policy, release_date, created_at)"
                            + " values ('NEW', 'New', 100, 'GBP', 'never', 'infinity', now())", RELEASE);
                    refused(h, "update products set name = 'Renamed' where sku = 'FOREVER'", RELEASE);
                });
                Restock restock = new Restock(database.jdbi(), Clock.systemUTC());
                assertThatThrownBy(() -> restock.inTransaction(h -> restock.catalogEdits().editProduct(h, Sku.of("FOREVER"),
                        filed -> new CatalogEdits.FiledProduct(rename(filed.product(), "Renamed"), filed.placement()), "test")))
                        .as("an edit that keeps the old date is told to give a new one, not failed by the database")
                        .isInstanceOf(InvalidInput.class)
                        .hasMessage("the release date stored for FOREVER, +999999999-12-31, is outside 1900-01-01 to 9999-12-31 (it was"
                                + " stored before dates were held to them); give a releaseDate within them, or none, with this edit");

                Path out = folder.resolve("export");
                List<String> refusedRows = database.jdbi().inTransaction(h -> ExportCommand.export(h, out));
                assertThat(refusedRows).hasSize(2);
                assertThat(refusedRows.get(0)).startsWith("product FOREVER: release_date is infinity, stored before dates were held to"
                        + " 1900-01-01 to 9999-12-31").contains("PATCH /api/products/FOREVER with a releaseDate");
                assertThat(refusedRows.get(1)).startsWith("product YEAR-0: release_date is 0001-01-01 BC,");
                assertThat(out).as("nothing written").doesNotExist();

                database.jdbi().useHandle(h -> {
                    h.execute("update products set release_date = null where sku = 'FOREVER'");
                    h.execute("update products set release_date = '1900-01-01' where sku = 'YEAR-0'");
                });
                List<String> afterMending = database.jdbi().inTransaction(h -> ExportCommand.export(h, out));
                assertThat(afterMending).isEmpty();
                assertThat(Files.readString(out.resolve("products.csv"))).doesNotContain("infinity").doesNotContain(" BC")
                        .contains("FOREVER,").contains("1900-01-01").contains("2027-03-01");
            }
        } finally {
            old.useHandle(h -> h.execute("drop schema " + schema + " cascade"));
        }
    }

    @Test
    void export_run_on_a_shop_holding_such_a_date_names_it_writes_nothing_and_exits_failed() throws Exception {
        Path data = folder.resolve("data");
        try (Database database = Database.embedded(data)) {
            database.jdbi().useHandle(h -> {
                // As a database migrated from before V65 holds it: the row first, the constraint added after it, NOT VALID.
                h.execute("alter table products drop constraint " + RELEASE);
                h.execute("insert into products (sku, name, price_minor, currency, backorder_policy, release_date, created_at)"
                        + " values ('FOREVER', 'Imported as +999999999-12-31', 100, 'GBP', 'never', 'infinity', now())");
                h.execute("alter table products add constraint " + RELEASE
                        + " check (release_date between date '1900-01-01' and date '9999-12-31') not valid");
            });
        }
        Path out = folder.resolve("export");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            exit = new picocli.CommandLine(new restock.app.Main()).execute("export", "--out", out.toString(), "--data-dir", data.toString());
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("product FOREVER: release_date is infinity")
                .contains("Nothing was exported: 1 product holds a date outside 1900-01-01 to 9999-12-31, which import would refuse;"
                        + " mend it and export again.");
        assertThat(out).doesNotExist();
    }
}
