package restock.forecast;

import java.util.Arrays;
import java.util.Optional;

/**
 * Syntetos-Boylan-Croston demand classes from the average demand interval (ADI = periods / periods with demand) and
 * the squared coefficient of variation of the non-zero sizes (CV², sample variance), with the usual cut-offs 1.32 and
 * 0.49. A series with fewer than two demands cannot be classed.
 */
public enum DemandClass {
    SMOOTH, ERRATIC, INTERMITTENT, LUMPY;

    public static final double ADI_CUT = 1.32;
    public static final double CV2_CUT = 0.49;

    /** ADI and CV² of a history. */
    public record Measures(double adi, double cv2) {
    }

    public static Optional<Measures> measures(double[] history) {
        double[] sizes = Arrays.stream(history).filter(value -> value > 0).toArray();
        if (sizes.length < 2) {
            return Optional.empty();
        }
        double mean = Arrays.stream(sizes).average().orElseThrow();
        double variance = Arrays.stream(sizes).map(size -> (size - mean) * (size - mean)).sum() / (sizes.length - 1);
        return Optional.of(new Measures((double) history.length / sizes.length, variance / (mean * mean)));
    }

    public static Optional<DemandClass> of(double[] history) {
        return measures(history).map(m -> m.adi() < ADI_CUT
                ? (m.cv2() < CV2_CUT ? SMOOTH : ERRATIC)
                : (m.cv2() < CV2_CUT ? INTERMITTENT : LUMPY));
    }
}
