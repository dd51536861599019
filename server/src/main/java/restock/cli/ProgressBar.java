package restock.cli;

import java.io.PrintStream;

/** A one-line text progress bar for long imports, redrawn at most once per percent. */
public final class ProgressBar {
    private static final int WIDTH = 40;
    private final PrintStream out;
    private int lastPercent = -1;

    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    public void update(long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% (" + done + "/" + total + ")");
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
