package restock.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import restock.app.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `restock keys create|list|rotate|revoke`: a secret printed once, lists by prefix, clear errors. */
class KeysCommandTest {
    private static final Pattern SECRET = Pattern.compile("Secret \\(shown only now; keep it\\): (rk_\\w+_\\S+)");

    @TempDir
    Path data;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            String[] withData = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data-dir", data.toString()))
                    .toArray(String[]::new);
            int exit = new CommandLine(new Main()).execute(withData);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static String secret(Run run) {
        Matcher matcher = SECRET.matcher(run.out());
        assertThat(matcher.find()).as(run.out() + run.err()).isTrue();
        return matcher.group(1);
    }

    @Test
    void keys_are_created_listed_rotated_and_revoked_and_a_secret_is_printed_only_when_made() {
        Run created = run("keys", "create", "--name", "storefront www", "--scope", "storefront");
        assertThat(created.exit()).isZero();
        String secret = secret(created);
        String prefix = secret.substring(0, "rk_sf_".length() + 8);

        Run listed = run("keys", "list");
        assertThat(listed.out()).contains(prefix).contains("storefront www").contains("active").doesNotContain(secret);

        Run rotated = run("keys", "rotate", prefix, "--grace-minutes", "0");
        String replacement = secret(rotated);
        assertThat(replacement).isNotEqualTo(secret).startsWith("rk_sf_");
        String replacementPrefix = replacement.substring(0, prefix.length());

        assertThat(run("keys", "revoke", replacementPrefix).out()).contains("Revoked " + replacementPrefix);
        Run after = run("keys", "list");
        assertThat(after.out()).contains(prefix).contains(replacementPrefix).contains("revoked").doesNotContain(replacement);

        Run unknown = run("keys", "revoke", "rk_sf_nothing1");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no API key with prefix 'rk_sf_nothing1'").doesNotContain("Exception");
        Run badScope = run("keys", "create", "--name", "x", "--scope", "admin");
        assertThat(badScope.exit()).isEqualTo(2);
        assertThat(badScope.err()).contains("storefront, operations, reporting or feeds");
    }
}
