package restock.promise;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded simulation: suppliers with fixed lateness distributions build up history, Restock learns from it and
 * promises new deliveries; the actual deliveries are then drawn from the same distributions. Stated
 * probabilities must be calibrated within a few points, and the ETA range must contain the actual ship date
 * at its stated rate.
 */
class PromiseCalibrationSimulationTest {
    private static final long SEED = 20261126L;
    private static final int SUPPLIERS = 240;
    private static final int HISTORY_PER_SUPPLIER = 80;
    private static final int PROMISES_PER_SUPPLIER = 40;
    private static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    private static final double TOLERANCE = 0.04;

    /** The true lateness of one kind of supplier. */
    private static IntSupplier supplierKind(int kind, Random random) {
        return switch (kind) {
            case 0 -> () -> random.nextInt(3);                                              // reliable: 0-2 days
            case 1 -> () -> random.nextDouble() < 0.5 ? 0 : 5 + random.nextInt(10);         // late half the time
            case 2 -> () -> (int) Math.round(Math.abs(random.nextGaussian() * 4));          // ragged
            default -> () -> random.nextDouble() < 0.1 ? -2 : 1 + random.nextInt(6);        // sometimes early
        };
    }

    @Test
    void stated_probabilities_are_calibrated_and_eta_ranges_contain_the_actual_date_at_their_rate() {
        Random random = new Random(SEED);
        List<PromiseCalibration.Outcome> outcomes = new ArrayList<>();
        int contained = 0;
        double statedTotal = 0;
        for (int supplier = 0; supplier < SUPPLIERS; supplier++) {
            IntSupplier trueLateness = supplierKind(supplier % 4, random);
            double threshold = List.of(0.6, 0.7, 0.8, 0.9).get((supplier / 4) % 4);
            List<SupplierReliability.Observation> history = new ArrayList<>();
            for (int i = 0; i < HISTORY_PER_SUPPLIER; i++) {
                history.add(new SupplierReliability.Observation(supplier, "SKU", trueLateness.getAsInt(), 1.0));
            }
            ArrivalOdds odds = new SupplierReliability(history).oddsFor(supplier, "SKU");
            PromiseSettings settings = new PromiseSettings(threshold, 30, 1, TODAY);
            for (int p = 0; p < PROMISES_PER_SUPPLIER; p++) {
                // Some purchase orders are already overdue: the promise must account for lateness still possible.
                LocalDate expected = TODAY.plusDays(random.nextInt(20) - 4);
                Outlook outlook = Promising.promise(List.of(new SupplyPortion(p, expected, 10, 0, 10, odds)), 0, settings);
                if (!(outlook instanceof Outlook.Promised promised)) {
                    continue;
                }
                LocalDate shipped = actualShipDate(expected, trueLateness, settings);
                Promise promise = promised.promise();
                boolean kept = !shipped.isAfter(promise.to());
                outcomes.add(new PromiseCalibration.Outcome(promise.probability(), kept));
                statedTotal += promise.probability();
                if (!shipped.isBefore(promise.from()) && kept) {
                    contained++;
                }
            }
        }

        List<PromiseCalibration.Bucket> buckets = PromiseCalibration.report(outcomes);
        buckets.forEach(b -> System.out.printf("calibration %.2f-%.2f: %d promises, stated %.3f, kept %.3f%n", b.from(), b.to(), b.promises(), b.meanStated(), b.shareKept()));
        assertThat(outcomes).hasSizeGreaterThan(5_000);
        assertThat(buckets.stream().filter(b -> b.promises() >= 300)).hasSizeGreaterThanOrEqualTo(3);
        for (PromiseCalibration.Bucket bucket : buckets) {
            if (bucket.promises() >= 300) {
                assertThat(bucket.shareKept()).as("bucket %.2f-%.2f (%d promises)", bucket.from(), bucket.to(), bucket.promises())
                        .isCloseTo(bucket.meanStated(), org.assertj.core.data.Offset.offset(TOLERANCE));
            }
        }
        double meanStated = statedTotal / outcomes.size();
        assertThat((double) contained / outcomes.size()).as("share of actual ship dates inside the ETA range")
                .isCloseTo(meanStated, org.assertj.core.data.Offset.offset(TOLERANCE));
    }

    /** Draws an actual delivery that had not happened before today, then adds handling. */
    private static LocalDate actualShipDate(LocalDate expected, IntSupplier trueLateness, PromiseSettings settings) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            LocalDate arrival = expected.plusDays(trueLateness.getAsInt());
            if (!arrival.isBefore(TODAY)) {
                return arrival.plusDays(settings.handlingDays());
            }
        }
        throw new AssertionError("no delivery on or after today in 10,000 draws for expected " + expected);
    }
}
