package restock.cli;

import java.io.PrintStream;

/**
 * Progress of long work. On a terminal, a one-line bar redrawn in place (with carriage returns) at most once per
 * percent; elsewhere (a log file, a pipe, CI) a plain line every {@value #LOG_STEP_PERCENT} percent, so logs get
 * no redraw characters.
 */
public final class ProgressBar {
    private static final int WIDTH = 40;
    /** How often a non-terminal gets a line. */
    static final int LOG_STEP_PERCENT = 25;
    private final PrintStream out;
    private final boolean terminal;
    private int lastPercent = -1;

    /** A bar on {@code out}, redrawn in place only when the process has a terminal. */
    public ProgressBar(PrintStream out) {
        this(out, System.console() != null);
    }

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    public void update(long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        if (terminal) {
            int filled = percent * WIDTH / 100;
            out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% (" + done + "/" + total + ")");
            if (done >= total) {
                out.println();
            }
        } else if (percent / LOG_STEP_PERCENT != lastPercent / LOG_STEP_PERCENT || lastPercent < 0 || done >= total) {
            out.println(percent + "% (" + done + "/" + total + ")");
        }
        lastPercent = percent;
        out.flush();
    }
}
