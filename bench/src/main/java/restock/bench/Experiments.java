package restock.bench;

import restock.forecast.Ets;
import restock.forecast.ForecastMethod;
import restock.forecast.SeasonalAdjustment;
import restock.forecast.Theta;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

final class Experiments {
    private Experiments() {
    }

    static double[] med(double[]... fs) {
        double[] out = new double[fs[0].length];
        for (int h = 0; h < out.length; h++) {
            double[] v = new double[fs.length];
            for (int i = 0; i < fs.length; i++) v[i] = fs[i][h];
            java.util.Arrays.sort(v);
            out[h] = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
        return out;
    }

    static double[] mean(double[]... fs) {
        double[] out = new double[fs[0].length];
        for (double[] f : fs) for (int h = 0; h < out.length; h++) out[h] += f[h] / fs.length;
        return out;
    }

    static double[] adjustedDamped(double[] y, int m, int h) {
        var a = SeasonalAdjustment.of(y, m);
        double[] x = a.map(SeasonalAdjustment::adjusted).orElse(y);
        double[] f = x.length >= 7 ? ForecastMethod.DAMPED.point(x, 1, h) : ForecastMethod.NAIVE.point(x, 1, h);
        return a.map(s -> s.reseasonalize(f)).orElse(f);
    }

    static Map<String, Function<M1Bench.Series, double[]>> variants() {
        Map<String, Function<M1Bench.Series, double[]>> v = new LinkedHashMap<>();
        v.put("ets-screened", s -> Ets.automatic(s.training(), s.frequency(), Ets.Search.SCREENED).forecast(s.test().length));
        v.put("med(etsS,thetaf,adjdamped)", s -> med(Ets.automatic(s.training(), s.frequency(), Ets.Search.SCREENED).forecast(s.test().length),
                Theta.predict(s.training(), s.frequency(), s.test().length).mean(), adjustedDamped(s.training(), s.frequency(), s.test().length)));
        v.put("mean(etsS,thetaf,adjdamped)", s -> mean(Ets.automatic(s.training(), s.frequency(), Ets.Search.SCREENED).forecast(s.test().length),
                Theta.predict(s.training(), s.frequency(), s.test().length).mean(), adjustedDamped(s.training(), s.frequency(), s.test().length)));
        v.put("mean(etsS,thetaf)", s -> mean(Ets.automatic(s.training(), s.frequency(), Ets.Search.SCREENED).forecast(s.test().length),
                Theta.predict(s.training(), s.frequency(), s.test().length).mean()));
        v.put("mean(etsS,combo)", s -> mean(Ets.automatic(s.training(), s.frequency(), Ets.Search.SCREENED).forecast(s.test().length),
                ForecastMethod.COMBO.point(s.training(), s.frequency(), s.test().length)));
        v.put("combo-mean", s -> {
            var a = SeasonalAdjustment.of(s.training(), s.frequency());
            double[] x = a.map(SeasonalAdjustment::adjusted).orElse(s.training());
            int h = s.test().length;
            double[] f = mean(ForecastMethod.ETS.point(x, 1, h), ForecastMethod.THETA.point(x, 1, h), x.length >= 7 ? ForecastMethod.DAMPED.point(x, 1, h) : ForecastMethod.NAIVE.point(x, 1, h));
            return a.map(z -> z.reseasonalize(f)).orElse(f);
        });
        return v;
    }
}
