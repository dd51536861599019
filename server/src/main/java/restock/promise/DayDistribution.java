package restock.promise;

import java.util.Arrays;
import java.util.Collection;

/** An empirical distribution of whole days (how late deliveries were), from observations or a prior. */
public final class DayDistribution {
    private final int[] sortedDays;

    private DayDistribution(int[] sortedDays) {
        if (sortedDays.length == 0) {
            throw new IllegalArgumentException("a day distribution needs at least one observation");
        }
        this.sortedDays = sortedDays;
    }

    public static DayDistribution of(Collection<Integer> days) {
        int[] sorted = days.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new DayDistribution(sorted);
    }

    /** P(X <= days). */
    public double probabilityAtMost(long days) {
        int index = upperBound(days);
        return (double) index / sortedDays.length;
    }

    /** The smallest observed value: nothing earlier has been seen. */
    public int min() {
        return sortedDays[0];
    }

    public int size() {
        return sortedDays.length;
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
        return "DayDistribution" + Arrays.toString(sortedDays);
    }
}
