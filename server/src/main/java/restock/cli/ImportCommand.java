package restock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import restock.service.Restock;
import restock.store.Database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** Imports a CSV file all-or-nothing: every bad row is reported with its line number and nothing is written. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import products, stock, purchase-orders or orders from a CSV file (all or nothing).")
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "What the file holds: products, stock, purchase-orders or orders.",
            converter = KindConverter.class)
    CsvImport.Kind kind;

    @Parameters(index = "1", description = "The CSV file, with a header row.")
    Path file;

    @Option(names = "--new-suppliers", description = "A purchase-orders file may name suppliers that do not exist yet: create them."
            + " Without it, an unknown supplier is an error that names the closest existing one.")
    boolean newSuppliers;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        List<Csv.Line> rows;
        if (!Files.isRegularFile(file)) {
            System.err.println("No file at " + file.toAbsolutePath() + "; give the path of a CSV file with a header row.");
            return ExitCodes.BAD_INPUT;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = Csv.parse(reader);
        } catch (java.nio.charset.MalformedInputException e) {
            System.err.println("Could not read " + file + ": " + Csv.NOT_UTF_8);
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            System.err.println("Could not read " + file + " as CSV: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try (Database db = database.open()) {
            Restock restock = new Restock(db.jdbi(), Clock.systemUTC());
            CsvImport.Result result = new CsvImport(restock, new ProgressBar(System.err), newSuppliers).run(kind, rows);
            return report(result, System.out, System.err);
        }
    }

    /** Accepts purchase-orders as help shows it, and purchase_orders as earlier versions did. */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<CsvImport.Kind> {
        @Override
        public CsvImport.Kind convert(String value) {
            try {
                return CsvImport.Kind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static int report(CsvImport.Result result, PrintStream out, PrintStream err) {
        if (result.errors().isEmpty()) {
            out.println("Imported " + result.imported() + (result.imported() == 1 ? " row." : " rows.")
                    + (result.alreadyImported() == 0 ? "" : " " + result.alreadyImported() + (result.alreadyImported() == 1 ? " row was" : " rows were")
                    + " imported before under the same references and left as they were."));
            if (!result.ignoredColumns().isEmpty()) {
                // The export's stock file carries them for people to read; said, so nobody believes they were set.
                out.println("Not imported: " + String.join(", ", result.ignoredColumns()) + " (what orders hold and wait for;"
                        + " only orders change them). A count sets counted_quantity.");
            }
            return ExitCodes.DONE;
        }
        err.println("Nothing was imported: " + result.errors().size() + (result.errors().size() == 1 ? " error." : " errors."));
        result.errors().forEach(error -> err.println("  line " + error.lineNumber() + ": " + error.message()));
        return ExitCodes.BAD_INPUT;
    }

}
