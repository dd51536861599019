package restock.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import restock.cli.ExitCodes;
import restock.cli.ExportCommand;
import restock.cli.ForecastCommand;
import restock.cli.ServeCommand;
import restock.cli.ImportCommand;
import restock.cli.KeysCommand;
import restock.cli.UsersCommand;
import restock.cli.PlanCommand;
import restock.cli.ReportCommand;

/** Restock's entry point: {@code restock serve | import | export | report | plan | keys | forecast | users}. */
// scope INHERIT: every command's help ends with the exit codes, which are the same for all.
@Command(name = "restock", mixinStandardHelpOptions = true, version = "restock 0.1", scope = CommandLine.ScopeType.INHERIT,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.DONE_LINE, ExitCodes.FAILED_LINE, ExitCodes.BAD_INPUT_LINE, ExitCodes.NOT_ALL_DONE_LINE},
        description = "Backorder-aware orders and inventory.",
        subcommands = {ServeCommand.class, ImportCommand.class, ExportCommand.class, ReportCommand.class, PlanCommand.class, KeysCommand.class, ForecastCommand.class,
                UsersCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0 || args.length == 0 || !args[0].equals("serve")) {
            System.exit(exit);
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code restock} alone names no command: its usage and the bad-input status, as {@code keys} and {@code users} alone. */
    @Override
    public void run() {
        throw ExitCodes.missingSubcommand(spec);
    }
}
