package restock.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress bar redraws in place on a terminal only; logs and pipes get plain lines. */
class ProgressBarTest {
    @Test
    void writes_no_carriage_returns_where_there_is_no_terminal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        for (int done = 1; done <= 1_000; done++) {
            bar.update(done, 1_000);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        assertThat(text.lines()).containsExactly("0% (1/1000)", "25% (250/1000)", "50% (500/1000)", "75% (750/1000)", "100% (1000/1000)");
    }

    @Test
    void redraws_in_place_on_a_terminal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), true);
        bar.update(1, 2);
        bar.update(2, 2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("\r[").endsWith("100% (2/2)" + System.lineSeparator());
    }
}
