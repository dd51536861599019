package restock.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real data sets in {@code ../shared/data} that some tests check Restock against. Without them a test skips on
 * a developer's machine, but fails in CI ({@code CI=true}): a green CI run must mean those checks ran.
 */
public final class SharedData {
    private SharedData() {
    }

    /** Returns when the file is there; otherwise skips the test, or fails it when CI=true. */
    public static void require(Path file) {
        require(file, "true".equals(System.getenv("CI")));
    }

    static void require(Path file, boolean inCi) {
        if (Files.exists(file)) {
            return;
        }
        String missing = file.toAbsolutePath().normalize() + " is missing: the shared data sets (../shared/data, beside the project) "
                + "are not there";
        if (inCi) {
            fail("CI=true, and " + missing + ". CI must run the checks against the real data; put shared/ beside the clone.");
        }
        Assumptions.abort(missing + "; skipped here, but CI fails without it.");
    }
}
