package restock.cli;

import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Handle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import restock.common.CalendarLimits;
import restock.service.CatalogExport;
import restock.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

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
     * Writes products.csv (the columns of {@code import products}) and stock.csv into the folder, made if need be; or,
     * when a product holds a date import would refuse, writes nothing and says which ({@link CatalogExport#read}).
     */
    static List<String> export(Handle handle, Path folder) {
        CatalogExport.Outcome outcome = CatalogExport.read(handle, CsvImport.Kind.products.columns);
        if (outcome instanceof CatalogExport.Outcome.Refused refused) {
            return refused.reasons();
        }
        CatalogExport.Outcome.Tables tables = (CatalogExport.Outcome.Tables) outcome;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the folder " + folder, e);
        }
        write(folder.resolve("products.csv"), CsvImport.Kind.products.columns, tables.products());
        CsvImport.Kind stock = CsvImport.Kind.stock;
        write(folder.resolve("stock.csv"), Stream.concat(stock.columns.stream(), stock.ignored.stream()).toList(), tables.stock());
        return List.of();
    }

    private static void write(Path file, List<String> header, List<List<String>> rows) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = Csv.printer(writer, header.toArray(String[]::new))) {
            printer.printRecords(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
