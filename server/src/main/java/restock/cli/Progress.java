package restock.cli;

import java.io.PrintStream;

/** Progress of long work on standard error: a redrawn bar on a terminal, a line per step of ten percent otherwise. */
interface Progress {
    void update(long done, long total);

    /** The bar when standard error is a terminal, lines otherwise (a log file or a pipe keeps them readable). */
    static Progress onStandardError(PrintStream err, String what) {
        return System.console() != null ? new ProgressBar(err)::update : new Lines(err, what);
    }

    /** One line at every further ten percent, and at the end. */
    final class Lines implements Progress {
        /** A line is printed at every this many percent. */
        static final int STEP_PERCENT = 10;
        private final PrintStream out;
        private final String what;
        private int lastStep = -1;

        Lines(PrintStream out, String what) {
            this.out = out;
            this.what = what;
        }

        @Override
        public void update(long done, long total) {
            int percent = total == 0 ? 100 : (int) (done * 100 / total);
            int step = percent / STEP_PERCENT;
            if (step == lastStep) {
                return;
            }
            lastStep = step;
            out.println(what + ": " + done + "/" + total + " (" + percent + "%)");
            out.flush();
        }
    }
}
