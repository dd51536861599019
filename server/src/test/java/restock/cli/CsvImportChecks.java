package restock.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.catalog.Money;
import restock.catalog.Sku;
import restock.orders.OrderRequest;
import restock.purchasing.PurchaseOrderRequest;
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
import static org.assertj.core.api.Assertions.tuple;

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
        return run(kind, csv, false);
    }

    private CsvImport.Result run(CsvImport.Kind kind, String csv, boolean newSuppliers) throws IOException {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<Csv.Line> rows = Csv.parse(new BufferedReader(new StringReader(csv)));
        return new CsvImport(restock, new ProgressBar(new PrintStream(progress, true, StandardCharsets.UTF_8)), newSuppliers).run(kind, rows);
    }

    /** A purchase order line's date: today or later is allowed. */
    private static String soon() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10).toString();
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
                B-6,Old Money,250,DEM,never,
                """);
        assertThat(result.imported()).isZero();
        assertThat(result.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(3, 4, 5, 7);
        assertThat(result.errors().get(1).message()).contains("price_minor must be a whole number");
        // Money no longer in use is refused with the rest, before anything is written (Currencies.checked).
        assertThat(result.errors().get(3).message()).contains("DEM (German Mark) is no longer in use");
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

    @Test
    void excel_csv_utf_8_with_a_byte_order_mark_is_read() throws IOException {
        CsvImport.Result result = run(CsvImport.Kind.products, "\uFEFFsku,name,price_minor,currency\r\nE-1,Café crème,300,EUR\r\n");
        assertThat(result.errors()).isEmpty();
        String name = restock.read(h -> restock.catalog().find(h, Sku.of("E-1"))).name();
        assertThat(name).isEqualTo("Café crème");
    }

    @Test
    void purchase_order_rows_are_reported_on_their_own_lines() throws IOException {
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nF-1,Fan,900,GBP\n");
        CsvImport.Result badDate = run(CsvImport.Kind.purchase_orders, """
                reference,supplier,sku,quantity,expected_date
                P1,Acme,F-1,5,2027-01-10
                P1,Acme,F-1,5,10/01/2027
                """, true);
        assertThat(badDate.errors()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(3);
            assertThat(error.message()).contains("expected_date must be a date");
        });
        CsvImport.Result unknownSku = run(CsvImport.Kind.purchase_orders, """
                reference,supplier,sku,quantity,expected_date
                P2,Acme,F-1,5,2027-01-10
                P2,Acme,NOPE-1,5,2027-01-10
                """, true);
        assertThat(unknownSku.errors()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(3);
            assertThat(error.message()).contains("No product with SKU 'NOPE-1'");
        });
    }

    @Test
    void a_purchase_order_row_expected_in_the_past_is_refused_on_its_line() throws IOException {
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nG-1,Lamp,900,GBP\n");
        String soon = soon();
        long before = count("purchase_orders");
        CsvImport.Result result = run(CsvImport.Kind.purchase_orders, """
                reference,supplier,sku,quantity,expected_date
                P7,Lamp Works,G-1,5,%s
                P7,Lamp Works,G-1,5,2020-01-01
                """.formatted(soon), true);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(3);
            assertThat(error.message()).startsWith("expected_date is 2020-01-01, before today");
        });
        assertThat(count("purchase_orders")).isEqualTo(before);
    }

    @Test
    void a_purchase_order_file_names_existing_suppliers_unless_the_import_says_they_are_new() throws IOException {
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nH-1,Heart,900,GBP\n");
        String soon = soon();
        String file = """
                reference,supplier,sku,quantity,expected_date
                P8,Hearts Ltd,H-1,5,%s
                P9,Harts Ltd,H-1,5,%s
                """.formatted(soon, soon);
        long suppliers = count("suppliers");
        CsvImport.Result refused = run(CsvImport.Kind.purchase_orders, file);
        assertThat(refused.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(2, 3);
        assertThat(count("suppliers")).isEqualTo(suppliers);
        assertThat(run(CsvImport.Kind.purchase_orders, "reference,supplier,sku,quantity,expected_date\nP8,Hearts Ltd,H-1,5," + soon + "\n", true)
                .errors()).isEmpty();
        CsvImport.Result typo = run(CsvImport.Kind.purchase_orders, file.replace("P8,", "P10,"));
        assertThat(typo.errors()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(3);
            assertThat(error.message()).contains("no supplier 'Harts Ltd'; did you mean 'Hearts Ltd'?");
        });
        assertThat(count("suppliers")).isEqualTo(suppliers + 1);
    }

    @Test
    void a_quoted_value_over_two_lines_keeps_the_line_numbers_after_it_right() throws IOException {
        CsvImport.Result result = run(CsvImport.Kind.products, """
                sku,name,price_minor,currency
                Q-1,"Garden
                gnome",100,GBP
                Q-2,Gate,xx,GBP
                """);
        // The name over two lines is refused where it starts (a name is one line); the next record is line 4, not 3.
        assertThat(result.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(2, 4);
        assertThat(result.errors().get(0).message()).contains("one line");
    }

    @Test
    void export_then_import_gives_back_the_same_products_and_excel_reads_them_as_utf_8() throws IOException {
        run(CsvImport.Kind.products, """
                sku,name,price_minor,currency,backorder_policy,backorder_cap,release_date,discontinued,image_url,brand,gtin,mpn
                R-1,"Café, ""the"" mug",450,EUR,always,20,2027-03-01,false,https://cdn.example.com/r1.jpg,Regency,5012345678900,RM-1
                R-2,Retired lamp,900,GBP,never,,,true,,,,
                """);
        java.nio.file.Path first = java.nio.file.Files.createTempDirectory("export-1");
        java.nio.file.Path second = java.nio.file.Files.createTempDirectory("export-2");
        restock.read(h -> { ExportCommand.export(h, first); return null; });
        byte[] products = java.nio.file.Files.readAllBytes(first.resolve("products.csv"));
        assertThat(new String(products, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        try (Database other = target().freshSchema()) {
            Restock copy = new Restock(other.jdbi(), Clock.systemUTC());
            List<Csv.Line> rows = Csv.parse(java.nio.file.Files.newBufferedReader(first.resolve("products.csv"), StandardCharsets.UTF_8));
            CsvImport.Result result = new CsvImport(copy, new ProgressBar(new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8))).run(CsvImport.Kind.products, rows);
            assertThat(result.errors()).isEmpty();
            copy.read(h -> { ExportCommand.export(h, second); return null; });
            restock.catalog.Product copied = copy.read(h -> copy.catalog().find(h, Sku.of("R-1")));
            restock.catalog.Product original = restock.read(h -> restock.catalog().find(h, Sku.of("R-1")));
            assertThat(copied).isEqualTo(original);
        }
        assertThat(java.nio.file.Files.readString(second.resolve("products.csv"))).isEqualTo(java.nio.file.Files.readString(first.resolve("products.csv")));
    }

    @Test
    void a_purchase_order_or_order_file_run_again_imports_nothing_twice() throws IOException {
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nI-1,Ink,900,GBP\nI-2,Inkwell,450,GBP\n");
        String soon = soon();
        String purchaseOrders = """
                reference,supplier,sku,quantity,expected_date
                PO-I1,Ink Supplies,I-1,200,%1$s
                PO-I1,Ink Supplies,I-2,100,%1$s
                PO-I2,Ink Supplies,I-1,50,%1$s
                """.formatted(soon);
        assertThat(run(CsvImport.Kind.purchase_orders, purchaseOrders, true)).isEqualTo(new CsvImport.Result(3, 0, List.of()));
        long before = count("purchase_order_lines");
        // Run again (after a failure, or by mistake): what it imported is left as it is, and nothing is ordered twice.
        assertThat(run(CsvImport.Kind.purchase_orders, purchaseOrders, true)).isEqualTo(new CsvImport.Result(0, 3, List.of()));
        assertThat(count("purchase_order_lines")).isEqualTo(before);
        // A new reference beside the old ones imports only the new one.
        assertThat(run(CsvImport.Kind.purchase_orders, purchaseOrders + "PO-I3,Ink Supplies,I-2,10," + soon + "\n", true))
                .isEqualTo(new CsvImport.Result(1, 3, List.of()));
        // The same reference with other rows is refused: which one is right is the planner's call.
        CsvImport.Result changed = run(CsvImport.Kind.purchase_orders, purchaseOrders.replace("I-1,50", "I-1,60"), true);
        assertThat(changed.errors()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(4);
            assertThat(error.message()).contains("reference PO-I2 was imported before with other rows (purchase order ");
        });
        assertThat(count("purchase_order_lines")).isEqualTo(before + 1);

        assertThat(run(CsvImport.Kind.stock, "sku,counted_quantity\nI-1,5\n").errors()).isEmpty();
        String orders = "reference,customer_email,sku,quantity\nWEB-1,ann@example.com,I-1,2\n";
        assertThat(run(CsvImport.Kind.orders, orders).imported()).isEqualTo(1);
        long orderCount = count("orders");
        assertThat(run(CsvImport.Kind.orders, orders)).isEqualTo(new CsvImport.Result(0, 1, List.of()));
        assertThat(count("orders")).isEqualTo(orderCount);
    }

    @Test
    void rows_of_one_reference_name_one_supplier_or_customer() throws IOException {
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nJ-1,Jug,900,GBP\n");
        long purchaseOrders = count("purchase_orders");
        long orders = count("orders");
        String soon = soon();
        CsvImport.Result suppliers = run(CsvImport.Kind.purchase_orders, """
                reference,supplier,sku,quantity,expected_date
                PO-J,Jug Makers,J-1,10,%1$s
                PO-J,Midlands Paper Goods,J-1,10,%1$s
                """.formatted(soon), true);
        assertThat(suppliers.errors()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(3);
            assertThat(error.message()).isEqualTo("reference PO-J has supplier 'Jug Makers' on line 2 and 'Midlands Paper Goods' here;"
                    + " the rows of one reference are one purchase order, from one supplier");
        });
        CsvImport.Result customers = run(CsvImport.Kind.orders, """
                reference,customer_email,sku,quantity
                ORD-J,ann@example.com,J-1,2
                ORD-J,zed@example.com,J-1,2
                """);
        assertThat(customers.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(3);
        assertThat(List.of(count("purchase_orders"), count("orders"))).as("nothing imported").containsExactly(purchaseOrders, orders);
    }

    @Test
    void every_bad_row_is_reported_in_one_run_a_huge_quantity_too() throws IOException {
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nK-1,Kettle,900,GBP\n");
        String soon = soon();
        CsvImport.Result result = run(CsvImport.Kind.purchase_orders, """
                reference,supplier,sku,quantity,expected_date
                PO-K1,Kettles Ltd,K-1,5000000000,%1$s
                PO-K2,Kettles Ltd,K-1,1.5,%1$s
                PO-K3,Kettles Ltd,NOPE-1,5,%1$s
                PO-K4,Kettles Ltd,K-1,5,%1$s
                """.formatted(soon), true);
        assertThat(result.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(2, 3, 4);
        assertThat(result.errors().get(0).message()).isEqualTo("quantity is out of range: 5000000000");
        assertThat(result.errors().get(2).message()).contains("No product with SKU 'NOPE-1'");
        CsvImport.Result orders = run(CsvImport.Kind.orders, "reference,customer_email,sku,quantity\nO-K,ann@example.com,K-1,9999999999\n");
        assertThat(orders.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(2);
    }

    @Test
    void a_column_the_file_cannot_have_is_refused_not_ignored() throws IOException {
        CsvImport.Result result = run(CsvImport.Kind.products, "sku,name,price_minor,currency,backorder_polcy\nL-1,Lamp,900,GBP,never\n");
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(1);
            assertThat(error.message()).startsWith("the header has a column 'backorder_polcy' this file cannot have; its columns are: sku,name,");
        });
        assertThat(run(CsvImport.Kind.stock, "sku;counted_quantity\nL-1;5\n").errors().get(0).message())
                .contains("this file seems to use ';' between columns");
        assertThat(run(CsvImport.Kind.stock, "sku,sku,counted_quantity\nL-1,L-1,5\n").errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("the header names column 'sku' twice; give each column once"));
    }

    @Test
    void a_sku_given_twice_in_one_file_is_refused() throws IOException {
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nM-1,Mug,900,GBP\n");
        CsvImport.Result counts = run(CsvImport.Kind.stock, "sku,counted_quantity\nM-1,100\nM-1,80\n");
        assertThat(counts.errors()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(3);
            assertThat(error.message()).isEqualTo("SKU M-1 has a count on line 2 too; give each SKU once in a file");
        });
        assertThat(run(CsvImport.Kind.products, "sku,name,price_minor,currency\nM-2,Mat,900,GBP\nM-2,Mat,900,GBP\n").errors())
                .extracting(CsvImport.RowError::lineNumber).containsExactly(3);
    }

    @Test
    void a_count_may_be_as_large_as_on_hand_may_be() throws IOException {
        // An outside check: a count over 1,000,000 was refused while on hand is allowed 1,000,000,000 (README).
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nN-1,Nail,1,GBP\n");
        assertThat(run(CsvImport.Kind.stock, "sku,counted_quantity\nN-1,2000000\n").errors()).isEmpty();
        assertThat(restock.read(h -> restock.stock().level(h, Sku.of("N-1"))).onHand()).isEqualTo(2_000_000);
        assertThat(run(CsvImport.Kind.stock, "sku,counted_quantity\nN-1,1000000001\n").errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("counted_quantity must be between 0 and 1000000000, was 1000000001"));
    }

    @Test
    void a_row_the_order_itself_refuses_is_a_row_error_among_the_others() throws IOException {
        // A re-check from outside: a quantity of 0 or 2,000,000 and an address that is no email ended in a stack trace.
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nP-1,Pen,100,GBP\n");
        String soon = soon();
        CsvImport.Result purchaseOrders = run(CsvImport.Kind.purchase_orders, """
                reference,supplier,sku,quantity,expected_date
                PO-P1,Pens Ltd,P-1,5,%1$s
                PO-P1,Pens Ltd,P-1,0,%1$s
                PO-P2,Pens Ltd,P-1,2000000,%1$s
                PO-P3,Pens Ltd,NOPE-1,5,%1$s
                """.formatted(soon), true);
        assertThat(purchaseOrders.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(3, 4, 5);
        assertThat(purchaseOrders.errors().get(0).message()).contains("quantity must be between 1 and");
        CsvImport.Result orders = run(CsvImport.Kind.orders, """
                reference,customer_email,sku,quantity
                O-P1,notanemail,P-1,1
                O-P2,ann@example.com,P-1,-1
                """);
        assertThat(orders.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(2, 3);
    }

    @Test
    void an_exported_stock_file_imports_back() throws IOException {
        // A re-check from outside: export writes reserved and backordered beside each count, and the import refused them.
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nS-1,Spoon,100,GBP\n");
        CsvImport.Result imported = run(CsvImport.Kind.stock, "sku,counted_quantity,reserved,backordered\nS-1,7,50,7\n");
        assertThat(imported.errors()).isEmpty();
        assertThat(restock.read(h -> restock.stock().level(h, Sku.of("S-1"))).onHand()).isEqualTo(7);
        // A planner imported "22423,236,50,7", read "Imported 1 row." and believed 50 were reserved: the import says it did not.
        assertThat(imported.ignoredColumns()).containsExactly("reserved", "backordered");
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        ImportCommand.report(imported, new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8), System.err);
        assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Imported 1 row.")
                .contains("Not imported: reserved, backordered (what orders hold and wait for; only orders change them)");
        assertThat(restock.read(h -> restock.stock().level(h, Sku.of("S-1"))).reserved()).isZero();
    }

    @Test
    void a_date_outside_the_calendar_restock_keeps_is_refused_on_its_line() throws IOException {
        // An outside check: +999999999-12-31 and 0000-01-01 were imported, then exported as 'infinity' and '0001-01-01 BC'
        // (which import refused), and a purchase order expected at +999999999-12-31 ended in a stack trace.
        long products = count("products");
        CsvImport.Result releases = run(CsvImport.Kind.products, """
                sku,name,price_minor,currency,backorder_policy,backorder_cap,release_date,discontinued,image_url,brand,gtin,mpn
                T-1,y,100,GBP,always,5,+999999999-12-31,false,,,,
                T-2,y,100,GBP,always,5,0000-01-01,false,,,,
                T-3,y,100,GBP,always,5,1900-01-01,false,,,,
                T-4,y,100,GBP,always,5,9999-12-31,false,,,,
                """);
        assertThat(releases.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(2, 3);
        assertThat(releases.errors().get(0).message())
                .isEqualTo("release_date must be a date between 1900-01-01 and 9999-12-31, was +999999999-12-31");
        assertThat(count("products")).isEqualTo(products);

        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nT-5,Tray,900,GBP\n");
        CsvImport.Result expected = run(CsvImport.Kind.purchase_orders, """
                reference,supplier,sku,quantity,expected_date
                PO-T1,Trays Ltd,T-5,5,+999999999-12-31
                PO-T2,Trays Ltd,NOPE-1,5,%s
                """.formatted(soon()), true);
        assertThat(expected.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(2, 3);
        assertThat(expected.errors().get(0).message()).startsWith("expected_date must be a date between 1900-01-01 and 9999-12-31");
    }

    @Test
    void a_control_character_in_a_field_is_refused_on_its_line_among_the_other_errors() throws IOException {
        // An outside check: a NUL in an email or a new supplier's name ended in a stack trace from PostgreSQL ("invalid
        // byte sequence for encoding UTF8: 0x00") and hid the file's other errors.
        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nU-1,Urn,900,GBP\n");
        assertThat(run(CsvImport.Kind.stock, "sku,counted_quantity\nU-1,50\n").errors()).isEmpty();
        CsvImport.Result orders = run(CsvImport.Kind.orders, """
                reference,customer_email,sku,quantity
                O-U1,c\u0000@example.com,U-1,1
                O-U2,ann@example.com,NOPE-1,1
                O-U3,bob@example.com,U-1\u0007,1
                """);
        assertThat(orders.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(2, 3, 4);
        assertThat(orders.errors().get(0).message()).isEqualTo("customer_email must not hold control characters such as NUL");
        assertThat(orders.errors().get(2).message()).isEqualTo("sku must not hold control characters such as NUL");

        long suppliers = count("suppliers");
        CsvImport.Result purchaseOrders = run(CsvImport.Kind.purchase_orders, """
                reference,supplier,sku,quantity,expected_date
                PO-U1,Brand\u0000New,U-1,5,%1$s
                PO-U2,Urns Ltd,U-1,0,%1$s
                """.formatted(soon()), true);
        assertThat(purchaseOrders.errors()).extracting(CsvImport.RowError::lineNumber).containsExactly(2, 3);
        assertThat(purchaseOrders.errors().get(0).message()).isEqualTo("supplier must not hold control characters such as NUL");
        assertThat(count("suppliers")).isEqualTo(suppliers);
    }

    @Test
    void a_row_with_more_fields_than_the_header_is_refused_not_cut() throws IOException {
        // An outside check: "IMP16,y,100,GBP,extra,more" under a four-column header was imported, its last two fields dropped.
        long products = count("products");
        CsvImport.Result result = run(CsvImport.Kind.products, """
                sku,name,price_minor,currency
                V-1,Vase,100,GBP
                V-2,y,100,GBP,extra,more
                V-3,Vat,100,GBP
                """);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(3);
            assertThat(error.message()).isEqualTo("the row has 6 fields and the header 4; a field with a comma in it is quoted (\"a, b\")");
        });
        assertThat(count("products")).isEqualTo(products);
    }

    @Test
    void messages_name_the_file_s_columns_and_its_lines_not_the_api_s_fields() throws IOException {
        // An outside check: "lines[0].quantity must be ...", "priceMinor must be between ...", "backorderCap applies only to
        // backorderPolicy 'always'", and "line 5: unknown sku 'NOPE' in line 1" (two line numbers, one of them the order's).
        CsvImport.Result products = run(CsvImport.Kind.products, """
                sku,name,price_minor,currency,backorder_policy,backorder_cap
                W-1,Wok,100000000000,GBP,,
                W-2,Whisk,100,GBP,never,5
                """);
        assertThat(products.errors()).extracting(CsvImport.RowError::message).containsExactly(
                "price_minor must be between 0 and " + Money.MAX_AMOUNT_MINOR + ", was 100000000000",
                "backorder_cap applies only when backorder_policy is always, and it is never here: remove the cap, or choose always");

        run(CsvImport.Kind.products, "sku,name,price_minor,currency\nW-3,Wick,100,GBP\n");
        CsvImport.Result purchaseOrders = run(CsvImport.Kind.purchase_orders, """
                reference,supplier,sku,quantity,expected_date
                PO-W1,Wicks Ltd,W-3,5,%1$s
                PO-W1,Wicks Ltd,NOPE,5,%1$s
                PO-W2,Wicks Ltd,W-3,0,%1$s
                """.formatted(soon()), true);
        assertThat(purchaseOrders.errors()).extracting(CsvImport.RowError::lineNumber, CsvImport.RowError::message).containsExactly(
                tuple(3, "No product with SKU 'NOPE'; create the product first"),
                tuple(4, "quantity must be between 1 and " + PurchaseOrderRequest.MAX_UNITS_PER_LINE
                        + ", was 0"));
        CsvImport.Result orders = run(CsvImport.Kind.orders, "reference,customer_email,sku,quantity\nO-W,ann@example.com,W-3,0\n");
        assertThat(orders.errors()).extracting(CsvImport.RowError::message).containsExactly(
                "quantity must be between 1 and " + OrderRequest.MAX_UNITS_PER_LINE + ", was 0");
    }
}
