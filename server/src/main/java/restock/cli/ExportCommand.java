package restock.cli;

import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Handle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import restock.common.CalendarLimits;
import restock.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Writes products and stock balances as CSV files that {@code restock import} reads back unchanged: every column
 * the import reads (release date, discontinued and the listing included), a byte order mark for Excel.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export products.csv and stock.csv to a folder.")
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "./restock-export", description = "Folder to write to. Default: ${DEFAULT-VALUE}")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws IOException {
        Optional<String> notAFolder = OutputPaths.folderProblem(out, "export", "products.csv and stock.csv");
        if (notAFolder.isPresent()) {
            System.err.println(notAFolder.get());
            return ExitCodes.BAD_INPUT;
        }
        if (database.noDataToRead().isPresent()) {
            System.err.println(database.noDataToRead().get());
            return ExitCodes.BAD_INPUT;
        }
        List<String> refused;
        try (Database db = database.open()) {
            refused = db.jdbi().inTransaction(h -> export(h, out));
        }
        if (!refused.isEmpty()) {
            refused.forEach(System.err::println);
            System.err.println("Nothing was exported: " + refused.size() + (refused.size() == 1 ? " product holds" : " products hold")
                    + " a date outside " + CalendarLimits.EARLIEST + " to " + CalendarLimits.LATEST + ", which import would refuse;"
                    + " mend " + (refused.size() == 1 ? "it" : "them") + " and export again.");
            return ExitCodes.FAILED;
        }
        System.out.println("Wrote " + out.resolve("products.csv") + " and " + out.resolve("stock.csv"));
        return ExitCodes.DONE;
    }

    /**
     * Each product whose release date is outside {@link CalendarLimits}, said with how to mend it. Such a date was
     * stored before the limits (V65), and was exported as 'infinity' or an odd year that import then refused.
     */
    static List<String> datesOutsideLimits(Handle handle) {
        return handle.createQuery("""
                        select sku, release_date::text as stored from products
                        where release_date not between :earliest and :latest order by sku""")
                .bind("earliest", CalendarLimits.EARLIEST).bind("latest", CalendarLimits.LATEST)
                .map((rs, ctx) -> "product " + rs.getString("sku") + ": release_date is " + rs.getString("stored") + ", stored before"
                        + " dates were held to " + CalendarLimits.EARLIEST + " to " + CalendarLimits.LATEST + "; give it one within them"
                        + " (PATCH /api/products/" + rs.getString("sku") + " with a releaseDate, or null, or the console's product edit)")
                .list();
    }

    /**
     * Writes products.csv (the columns of {@code import products}) and stock.csv into the folder, made if need be; or,
     * when a product holds a date import would refuse, writes nothing and says which ({@link #datesOutsideLimits}).
     */
    static List<String> export(Handle handle, Path folder) {
        List<String> refused = datesOutsideLimits(handle);
        if (!refused.isEmpty()) {
            return refused;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the folder " + folder, e);
        }
        List<String> productColumns = CsvImport.Kind.products.columns;
        write(folder.resolve("products.csv"), productColumns, handle.createQuery("select * from products order by sku")
                .map((rs, ctx) -> {
                    List<Object> cells = new ArrayList<>();
                    for (String column : productColumns) {
                        String source = switch (column) {
                            case "price_minor", "currency", "backorder_policy", "backorder_cap", "release_date", "discontinued",
                                    "image_url", "brand", "gtin", "mpn", "sku", "name" -> column;
                            default -> throw new IllegalStateException("export does not know the products column " + column);
                        };
                        cells.add(rs.getString(source) == null ? "" : column.equals("discontinued") ? Boolean.toString(rs.getBoolean(source))
                                : rs.getString(source));
                    }
                    return cells;
                }).list());
        CsvImport.Kind stock = CsvImport.Kind.stock;
        write(folder.resolve("stock.csv"), java.util.stream.Stream.concat(stock.columns.stream(), stock.ignored.stream()).toList(),
                handle.createQuery("select * from stock order by sku").map((rs, ctx) -> List.<Object>of(rs.getString("sku"),
                        rs.getString("on_hand"), rs.getString("reserved"), rs.getString("backordered"))).list());
        return List.of();
    }

    private static void write(Path file, List<String> header, List<List<Object>> rows) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = Csv.printer(writer, header.toArray(String[]::new))) {
            printer.printRecords(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
