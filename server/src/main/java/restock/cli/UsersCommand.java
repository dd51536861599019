package restock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.service.Restock;
import restock.service.StaffAccounts;
import restock.store.Database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** Staff users of the console: create (with a generated password, printed once, or one read from standard input), list, set a password. */
@Command(name = "users", description = "Manage the console's staff users (beside a running server too: on its data folder they use that server's database).",
        subcommands = {UsersCommand.Create.class, UsersCommand.ListUsers.class, UsersCommand.SetPassword.class}, mixinStandardHelpOptions = true)
public final class UsersCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw ExitCodes.missingSubcommand(spec);
    }

    static int withAccounts(DatabaseOptions database, Function<StaffAccounts, Integer> work) {
        try (Database db = database.open()) {
            Restock restock = new Restock(db.jdbi(), Clock.systemUTC());
            return work.apply(new StaffAccounts(restock, Clock.systemUTC()));
        } catch (InvalidInput | NotFound | Conflict e) {
            System.err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    /** The first line of standard input: a password piped in never shows on the command line or in the shell's history. */
    static char[] passwordFromStandardInput() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            throw new InvalidInput("password", "could not read the password from standard input: " + e.getMessage());
        }
    }

    @Command(name = "create", description = "Create a user; prints a generated password once, or reads one from standard input.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--username", required = true, description = "Lower-case name to sign in with")
        String username;
        @Option(names = "--password-stdin", description = "Read the password (at least 12 characters) from standard input")
        boolean passwordFromStdin;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return withAccounts(database, accounts -> {
                if (passwordFromStdin) {
                    accounts.create(username, passwordFromStandardInput(), "cli");
                    System.out.println("Created user " + username + ".");
                } else {
                    StaffAccounts.Created created = accounts.createWithGeneratedPassword(username, "cli");
                    System.out.println("Created user " + created.username() + " with password (shown only now; keep it): " + created.password());
                }
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List the users' names.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return withAccounts(database, accounts -> {
                accounts.usernames().forEach(System.out::println);
                return 0;
            });
        }
    }

    @Command(name = "set-password", description = "Set a user's password from standard input; signs the user out everywhere.")
    static final class SetPassword implements Callable<Integer> {
        @Option(names = "--username", required = true)
        String username;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return withAccounts(database, accounts -> {
                accounts.changePassword(username, passwordFromStandardInput());
                System.out.println("Password changed for " + username + "; their sessions have ended.");
                return 0;
            });
        }
    }
}
