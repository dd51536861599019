package restock.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.service.Restock;
import restock.store.Database;
import restock.support.TestDatabases;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Imports are all-or-nothing, and every bad row is reported with its line number; on each server. */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class CsvImportChecks {
    private Database database;
    private Restock restock;

    /** The server these checks run on. */
    abstract TestDatabases.Target target();


    @BeforeAll
    void open() {
        database = target().freshSchema();
        restock = new Restock(database.jdbi(), Clock.systemUTC());
    }

    @AfterAll
    void close() {
        database.close();
    }

    private CsvImport.Result run(CsvImport.Kind kind, String csv) throws IOException {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<List<String>> rows = Csv.parse(new BufferedReader(new StringReader(csv)));
        return new CsvImport(restock, new ProgressBar(new PrintStream(progress, true, StandardCharsets.UTF_8))).run(kind, rows);
    }

    private long count(String table) {
        return restock.read(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }

    @Test
    void a_file_with_bad_rows_reports_each_by_line_number_and_imports_nothing() throws IOException {
        long before = count("products");
        CsvImport.Result result = run(CsvImport.Kind.products, """
                sku,name,price_minor,currency,backorder_policy,backorder_cap
                B-1,Good Product,100,GBP,never,
                B 2,Bad Sku,100,GBP,never,
                B-3,Bad Price,abc,GBP,,
                B-4,Bad Policy,100,GBP,sometimes,
                B-5,Fine Too,250,EUR,always,10
                """);
        assertThat(result.imported()).isZero();
        assertThat(result.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(3, 4, 5);
        assertThat(result.errors().get(1).message()).contains("price_minor must be a whole number");
        assertThat(count("products")).isEqualTo(before);
    }

    @Test
    void errors_found_while_applying_roll_back_the_rows_before_them() throws IOException {
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nC-1,Candle,300,GBP\n");
        long movements = count("stock_movements");
        CsvImport.Result result = run(CsvImport.Kind.stock, """
                sku,counted_quantity
                C-1,12
                UNKNOWN-9,4
                """);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(3);
            assertThat(error.message()).contains("unknown sku 'UNKNOWN-9'");
        });
        assertThat(count("stock_movements")).isEqualTo(movements);
    }

    @Test
    void a_good_file_imports_every_row_and_groups_orders_by_reference() throws IOException {
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nD-1,Doormat,900,GBP\nD-2,Door Stop,450,GBP\n");
        assertThat(run(CsvImport.Kind.stock, "sku,counted_quantity\nD-1,5\nD-2,5\n").errors()).isEmpty();
        long orders = count("orders");
        CsvImport.Result result = run(CsvImport.Kind.orders, """
                reference,customer_email,sku,quantity
                A,ann@example.com,D-1,2
                A,ann@example.com,D-2,1
                B,bob@example.com,D-1,1
                """);
        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(3);
        assertThat(count("orders")).isEqualTo(orders + 2);
    }

    @Test
    void a_missing_header_column_is_named() throws IOException {
        CsvImport.Result result = run(CsvImport.Kind.purchase_orders, "reference,supplier,sku,quantity\nP1,Acme,D-1,5\n");
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(1);
            assertThat(error.message()).contains("'expected_date'");
        });
    }
}
