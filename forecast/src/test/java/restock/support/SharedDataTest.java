package restock.support;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedDataTest {
    private static final Path MISSING = Path.of("..", "shared", "data", "no-such-data-set", "x.csv");

    @Test
    void missing_data_fails_in_ci_with_what_to_do_and_skips_elsewhere() {
        assertThatThrownBy(() -> SharedData.require(MISSING, true)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true").hasMessageContaining("no-such-data-set").hasMessageContaining("put shared/ beside the clone");
        assertThatThrownBy(() -> SharedData.require(MISSING, false)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("CI fails without it");
        assertThatCode(() -> SharedData.require(Path.of("pom.xml"), true)).doesNotThrowAnyException();
    }
}
