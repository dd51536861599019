package restock.cli;

import picocli.CommandLine;

/**
 * The exit statuses every command keeps, the ones {@code --help} lists. Bad input is picocli's usage status (2) whether
 * picocli finds it (an unknown option) or the command does (a missing file, a bad row): a script tells "mend what you
 * gave" from "something failed" by the status alone. An outside check found {@code import} saying 1 for a bad row while
 * {@code forecast}, {@code plan} and {@code export} said 2 for theirs.
 */
public final class ExitCodes {
    /** Everything asked was done. */
    public static final int DONE = CommandLine.ExitCode.OK;
    /** Something failed that the input did not cause (picocli's status for an exception); the message says what. */
    public static final int FAILED = CommandLine.ExitCode.SOFTWARE;
    /** An option, argument, file or row was refused, each named; nothing was done or written. */
    public static final int BAD_INPUT = CommandLine.ExitCode.USAGE;
    /** The input was good, but not all could be done: named series not forecast (the rest written), or the data folder served elsewhere. */
    public static final int NOT_ALL_DONE = 3;

    /** The heading of the list in every command's help. */
    public static final String HEADING = "%nExit codes:%n";
    // One constant per line, as annotations take constants only; ExitCodesTest keeps them equal to the numbers above.
    public static final String DONE_LINE = "0:done";
    public static final String FAILED_LINE = "1:failed for a reason other than the input (the message says what)";
    public static final String BAD_INPUT_LINE = "2:bad input: an option, argument, file or row was refused, each named; nothing was done";
    public static final String NOT_ALL_DONE_LINE = "3:not all done: forecast could not forecast the named series (too short for --method, or of one observation; the"
            + " rest are written); serve found the data folder served by another Restock";

    /**
     * The refusal of a command that only groups subcommands ({@code keys}, {@code users}) run without one: picocli prints
     * the reason and the command's usage to standard error and exits with {@link #BAD_INPUT}, as for any other bad input
     * (the commands printed a usage line and said 0, "done", to a script that had done nothing).
     */
    public static CommandLine.ParameterException missingSubcommand(CommandLine.Model.CommandSpec spec) {
        String names = String.join(", ", spec.subcommands().keySet());
        return new CommandLine.ParameterException(spec.commandLine(), "Name what to do: one of " + names + " (--help on each).");
    }

    private ExitCodes() {
    }
}
