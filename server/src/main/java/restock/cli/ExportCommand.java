package restock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import restock.store.Database;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Writes products and stock balances as CSV files that {@code restock import} reads back. */
@Command(name = "export", description = "Export products.csv and stock.csv to a folder.")
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "./restock-export", description = "Folder to write to. Default: ${DEFAULT-VALUE}")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        try (Database db = database.open()) {
            db.jdbi().useHandle(h -> {
                write(out.resolve("products.csv"), "sku,name,price_minor,currency,backorder_policy,backorder_cap",
                        h.createQuery("select * from products order by sku").map((rs, ctx) -> String.join(",",
                                Csv.quote(rs.getString("sku")), Csv.quote(rs.getString("name")), rs.getString("price_minor"),
                                rs.getString("currency"), rs.getString("backorder_policy"),
                                rs.getString("backorder_cap") == null ? "" : rs.getString("backorder_cap"))).list());
                write(out.resolve("stock.csv"), "sku,counted_quantity,reserved,backordered",
                        h.createQuery("select * from stock order by sku").map((rs, ctx) -> String.join(",",
                                Csv.quote(rs.getString("sku")), rs.getString("on_hand"), rs.getString("reserved"),
                                rs.getString("backordered"))).list());
            });
        }
        System.out.println("Wrote " + out.resolve("products.csv") + " and " + out.resolve("stock.csv"));
        return 0;
    }

    private static void write(Path file, String header, java.util.List<String> lines) {
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            writer.println(header);
            lines.forEach(writer::println);
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + file, e);
        }
    }
}
