package restock.forecast;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

/**
 * The demand histories and season lengths the forecasting properties draw from; one class a property group, so the
 * test JVMs run them side by side (in one class they were the forecast module's longest, 9 s of its 11).
 */
abstract class DemandHistories {
    @Provide
    Arbitrary<double[]> histories() {
        Arbitrary<Double> demand = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 20).map(Integer::doubleValue)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 100_000).map(Integer::doubleValue)));
        Arbitrary<double[]> random = demand.list().ofMinSize(1).ofMaxSize(120).map(list -> list.stream().mapToDouble(Double::doubleValue).toArray());
        // seasonal spikes that stop: strong seasonal autocorrelation with whole years of zeros (a zero trend)
        Arbitrary<double[]> seasonalThenDead = Arbitraries.integers().between(30, 110).flatMap(length ->
                Arbitraries.integers().between(13, length - 1).map(stop -> {
                    double[] y = new double[length];
                    for (int t = 0; t < stop; t++) {
                        y[t] = t % 12 == 0 ? 50 : (t % 12 == 6 ? 5 : 0);
                    }
                    return y;
                }));
        return Arbitraries.oneOf(random, seasonalThenDead);
    }

    @Provide
    Arbitrary<Integer> periods() {
        return Arbitraries.of(1, 4, 7, 12, 52);
    }
}
