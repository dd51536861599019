package restock.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How this Restock was started, for the commands a banner or a message suggests: the jar as it was run ("java -jar
 * /opt/restock/restock-server-0.1.0-SNAPSHOT.jar"), or "restock" where Restock does not run from a jar (the docs'
 * name for it). A banner that said "java -jar server/target/..." to someone who had copied the jar elsewhere, and
 * "restock users list" to someone with no such command, sent them hunting (an outside tester's finding).
 */
final class Invocation {
    static final String WITHOUT_A_JAR = "restock";

    private Invocation() {
    }

    static String command() {
        try {
            Path location = Path.of(Invocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return command(location, Path.of("").toAbsolutePath());
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException | java.nio.file.FileSystemNotFoundException e) {
            return WITHOUT_A_JAR;
        }
    }

    /** The command for classes loaded from {@code location}, shown relative to {@code workingFolder} when inside it. */
    static String command(Path location, Path workingFolder) {
        if (!location.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(location)) {
            return WITHOUT_A_JAR;
        }
        Path shown = location.startsWith(workingFolder) ? workingFolder.relativize(location) : location;
        return "java -jar " + shellWord(shown.toString());
    }

    /** A word as a POSIX shell reads it back: as it is when it holds nothing the shell treats specially, else quoted. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9._/+=:-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
