package restock.bench;

import picocli.CommandLine;

/**
 * The benchmark jar's entry point: {@code restock-bench forecast | ets-speed | online-retail | backorder-risk}. The
 * benchmarks ship apart from the server so that its jar does not carry them.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BenchCommand()).setCommandName("restock-bench");
        commandLine.getCommandSpec().mixinStandardHelpOptions(true);
        commandLine.getCommandSpec().version("restock-bench 0.1");
        return commandLine;
    }
}
