package restock.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands a banner suggests name the jar as it was run: "java -jar server/target/..." was printed to someone who
 * had copied the jar elsewhere, and "restock users list" to someone with no command of that name.
 */
class InvocationTest {
    @TempDir
    Path folder;

    @Test
    void a_jar_is_named_as_run_relative_to_the_working_folder_when_inside_it() throws IOException {
        Path jar = Files.createFile(Files.createDirectories(folder.resolve("app")).resolve("restock-server-0.1.0-SNAPSHOT.jar"));
        assertThat(Invocation.command(jar, folder)).isEqualTo("java -jar app/restock-server-0.1.0-SNAPSHOT.jar");
        assertThat(Invocation.command(jar, folder.resolve("elsewhere"))).isEqualTo("java -jar " + jar);
    }

    @Test
    void a_path_the_shell_would_split_is_quoted() throws IOException {
        Path jar = Files.createFile(Files.createDirectories(folder.resolve("my apps")).resolve("restock.jar"));
        assertThat(Invocation.command(jar, folder)).isEqualTo("java -jar 'my apps/restock.jar'");
        assertThat(Invocation.shellWord("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void classes_outside_a_jar_are_called_restock_as_the_docs_call_it() throws IOException {
        assertThat(Invocation.command(Files.createDirectories(folder.resolve("classes")), folder)).isEqualTo("restock");
        assertThat(Invocation.command(folder.resolve("missing.jar"), folder)).isEqualTo("restock");
    }
}
