package restock.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of a Restock process a test starts ({@code restock <arguments>} on the test's own classpath).
 * Its JVM compiles with C1 only and collects with the serial collector: a child lives seconds to a minute, and on the
 * 2-core machines here the C2 compiler threads and parallel GC threads of five such JVMs a run competed with the
 * tests for the cores (docs/BENCHMARKS.md, "Suite time").
 */
public final class ChildRestock {
    /** The JVM options of every child: the ones the test JVMs run with (the surefire argLine) and a heap limit. */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private ChildRestock() {
    }

    /** {@code java <options> -cp <test classpath> restock.app.Main <arguments>}. */
    public static List<String> command(String... arguments) {
        String classpath = Optional.ofNullable(System.getProperty("surefire.test.class.path")).orElse(System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classpath, "restock.app.Main"));
        command.addAll(List.of(arguments));
        return command;
    }
}
