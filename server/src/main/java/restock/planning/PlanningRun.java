package restock.planning;

import java.time.Instant;
import java.util.Optional;

/**
 * One planning run as it was kept: when, at what service level, over how many SKUs, the plan it suggested, and who made it
 * (none for runs stored before that was kept).
 */
public record PlanningRun(long id, Instant ranAt, double serviceLevel, int skus, int suggested, String planCsv, Optional<MadeBy> madeBy) {
    /** Who made a stored plan; the pages, the API and the CLI say it beside when, so no two of them silently disagree. */
    public enum MadeBy {
        NIGHTLY("nightly", "the nightly run at 02:00 UTC"),
        CONSOLE("console", "made on the planning page with Plan again now"),
        CLI("cli", "made by restock plan on the command line"),
        FIRST_NEED("first-need", "made when the console first needed a plan, as none was stored yet; the nightly run at 02:00 UTC replaces it");

        private final String code;
        private final String words;

        MadeBy(String code, String words) {
            this.code = code;
            this.words = words;
        }

        /** As stored and as the API gives it. */
        public String code() {
            return code;
        }

        /** As the pages say it. */
        public String words() {
            return words;
        }

        public static MadeBy ofCode(String code) {
            for (MadeBy madeBy : values()) {
                if (madeBy.code.equals(code)) {
                    return madeBy;
                }
            }
            throw new IllegalStateException("a stored planning run's made_by is not known: '" + code + "'");
        }
    }
}
