package restock.promise;

import java.util.Arrays;
import java.util.Collection;
import java.util.OptionalInt;

/**
 * An empirical distribution of whole days (how late deliveries were), from observations or a prior, with a share
 * of probability that the delivery never comes at all.
 *
 * <p>That share is what keeps a thin history honest: conditioned on "not arrived yet", the last few observations
 * would otherwise turn into certainty (a supplier seen 10 times, 9 days overdue, would be "sure" to deliver on the
 * 14th day because one delivery once did). Each distribution carries {@code neverWeight} pseudo-observations of a
 * delivery that did not arrive within any horizon, so no finite history is ever certain.
 */
public final class DayDistribution {
    private final int[] sortedDays;
    private final int neverWeight;

    private DayDistribution(int[] sortedDays, int neverWeight) {
        if (sortedDays.length == 0) {
            throw new IllegalArgumentException("a day distribution needs at least one observation");
        }
        if (neverWeight < 0) {
            throw new IllegalArgumentException("the weight of never arriving must not be negative, was " + neverWeight);
        }
        this.sortedDays = sortedDays;
        this.neverWeight = neverWeight;
    }

    /** Observations with {@code neverWeight} pseudo-observations of a delivery that never came. */
    public static DayDistribution of(Collection<Integer> days, int neverWeight) {
        int[] sorted = days.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new DayDistribution(sorted, neverWeight);
    }

    /** A delivery known for certain to take exactly {@code days} (stock already in the building). */
    public static DayDistribution certain(int days) {
        return new DayDistribution(new int[] {days}, 0);
    }

    /** P(X <= days): arrived within that many days. */
    public double probabilityAtMost(long days) {
        int index = upperBound(days);
        return (double) index / total();
    }

    /** The smallest observed value: nothing earlier has been seen. */
    public int min() {
        return sortedDays[0];
    }

    /**
     * The smallest number of days by which the delivery has come with probability {@code probability}, given it had
     * not come within {@code laterThanDays}; empty when the chance that it comes at all is below that.
     */
    public OptionalInt quantileGivenLaterThan(double probability, long laterThanDays) {
        int start = upperBound(laterThanDays);
        int remaining = total() - start;
        for (int i = start; i < sortedDays.length; i++) {
            if ((double) (i - start + 1) / remaining >= probability) {
                return OptionalInt.of(sortedDays[i]);
            }
        }
        return OptionalInt.empty();
    }

    public int size() {
        return sortedDays.length;
    }

    private int total() {
        return sortedDays.length + neverWeight;
    }

    private int upperBound(long days) {
        int low = 0;
        int high = sortedDays.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sortedDays[mid] <= days) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public String toString() {
        return "DayDistribution" + Arrays.toString(sortedDays) + (neverWeight > 0 ? " + " + neverWeight + " never" : "");
    }
}
