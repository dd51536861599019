package restock.cli;

import picocli.CommandLine.Option;
import restock.store.Database;

import java.nio.file.Path;
import java.util.Optional;

/** Where the data lives: the embedded server's folder, or DATABASE_URL for an external server. */
public final class DatabaseOptions {
    @Option(names = "--data-dir", defaultValue = "./restock-data",
            description = "Folder of the embedded PostgreSQL data (ignored when DATABASE_URL is set). Default: ${DEFAULT-VALUE}")
    Path dataDirectory;

    public Database open() {
        String url = System.getenv("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return Database.connect(url, Optional.empty());
        }
        return Database.embedded(dataDirectory);
    }

    public String describe() {
        String url = System.getenv("DATABASE_URL");
        return url != null && !url.isBlank() ? "the server at DATABASE_URL" : "embedded PostgreSQL in " + dataDirectory.toAbsolutePath().normalize();
    }
}
