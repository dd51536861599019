package restock.cli;

import picocli.CommandLine.Option;
import restock.store.Database;

import java.nio.file.Path;
import java.util.Optional;

/** Where the data lives: the embedded server's folder, or DATABASE_URL for an external server. */
public final class DatabaseOptions {
    static final String DEFAULT_FOLDER = "restock-data";

    @Option(names = "--data-dir", defaultValue = "./" + DEFAULT_FOLDER,
            description = "Folder of the embedded PostgreSQL data (ignored when DATABASE_URL is set). Default: ${DEFAULT-VALUE}")
    Path dataDirectory;

    /** For commands: beside a running server on the same folder, they work through its database. */
    public Database open() {
        String url = System.getenv("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return Database.connect(url, Optional.empty());
        }
        return Database.embedded(dataDirectory);
    }

    /**
     * The option that names this database to another command, as a message suggests it: {@code --data-dir} with the
     * folder unless it is the default, nothing with DATABASE_URL (which the other command reads too).
     */
    public String asOption() {
        String url = System.getenv("DATABASE_URL");
        if ((url != null && !url.isBlank()) || dataDirectory == null || dataDirectory.normalize().equals(Path.of(DEFAULT_FOLDER))) {
            return "";
        }
        return " --data-dir " + Invocation.shellWord(dataDirectory.toString());
    }

    /** For serve: the folder must not be served already ({@link restock.store.DataFolderInUse} says by whom). */
    public Database openForServing() {
        String url = System.getenv("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return Database.connect(url, Optional.empty());
        }
        return Database.embeddedForServing(dataDirectory);
    }

    /**
     * Why a command that reads what the shop holds (plan, export, report) cannot run here: the embedded data folder
     * does not exist. Opening it would make a new, empty database, and a mistyped {@code --data-dir} would then answer
     * "nothing to order". Empty when there is data to read (or DATABASE_URL is set).
     */
    public Optional<String> noDataToRead() {
        String url = System.getenv("DATABASE_URL");
        if (url != null && !url.isBlank() || java.nio.file.Files.isDirectory(dataDirectory)) {
            return Optional.empty();
        }
        return Optional.of("No Restock data in " + dataDirectory.toAbsolutePath().normalize() + ": check --data-dir (the default,"
                + " ./restock-data, is relative to the folder you run in); `serve` or `import` makes a new one.");
    }

    public String describe() {
        String url = System.getenv("DATABASE_URL");
        return url != null && !url.isBlank() ? "the server at DATABASE_URL" : "embedded PostgreSQL in " + dataDirectory.toAbsolutePath().normalize();
    }
}
