package restock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import restock.access.ApiKey;
import restock.access.Scope;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.service.ApiKeys;
import restock.service.Restock;
import restock.store.Database;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** API keys from the command line: create, list, rotate, revoke. A secret is printed once, when it is made. */
@Command(name = "keys", description = "Manage API keys: create, list, rotate, revoke (beside a running server too: on its data folder they use that server's database).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Rotate.class, KeysCommand.Revoke.class},
        mixinStandardHelpOptions = true)
public final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw ExitCodes.missingSubcommand(spec);
    }

    /** Runs work on the database and prints a clear error for a bad argument instead of a stack trace. */
    static int withKeys(DatabaseOptions database, Function<Work, Integer> work) {
        try (Database db = database.open()) {
            Restock restock = new Restock(db.jdbi(), Clock.systemUTC());
            return work.apply(new Work(restock, new ApiKeys(restock, Optional.empty()), System.out));
        } catch (InvalidInput | NotFound | restock.common.Conflict e) {
            System.err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    /** What a subcommand works with. */
    record Work(Restock restock, ApiKeys keys, PrintStream out) {
    }

    static String describe(ApiKey key) {
        String state = key.revokedAt().map(at -> "revoked " + at).orElse(key.expiresAt().map(at -> "expires " + at).orElse("active"));
        return String.format(Locale.ROOT, "%-16s %-11s %7d/min  %-28s %s", key.prefix(), key.scope().code(), key.requestsPerMinute(),
                key.name(), state);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print its secret once.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "Who or what uses the key, e.g. 'storefront www'")
        String name;
        @Option(names = "--scope", required = true, description = "storefront, operations, reporting or feeds (a feeds key may stand in a feed URL)")
        String scope;
        @Option(names = "--rate", description = "Requests per minute (default: the scope's)")
        Integer rate;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return withKeys(database, work -> {
                ApiKeys.Created created = work.restock().inTransaction(h -> work.keys().create(h, name, Scope.parse("--scope", scope),
                        Optional.ofNullable(rate), "cli"));
                work.out().println("Created " + describe(created.key()));
                work.out().println("Secret (shown only now; keep it): " + created.secret());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys by prefix; secrets are never shown.")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return withKeys(database, work -> {
                List<ApiKey> keys = work.restock().read(h -> work.keys().list(h));
                if (keys.isEmpty()) {
                    work.out().println("No stored keys yet (the first start of `restock serve` makes one, unless RESTOCK_API_KEY is set).");
                }
                keys.forEach(key -> work.out().println(describe(key)));
                return 0;
            });
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, description = "Make a new key like an existing one; the old one works for the grace period.")
    static final class Rotate implements Callable<Integer> {
        @Parameters(index = "0", description = "The key's prefix, as `keys list` shows it")
        String prefix;
        @Option(names = "--grace-minutes", defaultValue = "60", description = "How long the old key keeps working. Default: ${DEFAULT-VALUE}")
        long graceMinutes;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return withKeys(database, work -> {
                ApiKeys.Created created = work.restock().inTransaction(h -> work.keys().rotate(h, prefix, Duration.ofMinutes(graceMinutes), "cli"));
                work.out().println("Created " + describe(created.key()) + " to replace " + prefix);
                work.out().println("Secret (shown only now; keep it): " + created.secret());
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Stop a key at once.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", description = "The key's prefix, as `keys list` shows it")
        String prefix;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return withKeys(database, work -> {
                work.out().println("Revoked " + describe(work.restock().inTransaction(h -> work.keys().revoke(h, prefix))));
                return 0;
            });
        }
    }
}
