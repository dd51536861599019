package restock.bench;

import restock.planning.BackorderRisk;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Backorder risk on the Kaggle sample: each row's columns mapped to Restock's inputs (stock, in transit, lead time in
 * weeks, 3-month forecast, monthly sales rates, 6-month supplier performance), scored without training, measured by
 * ROC-AUC and PR-AUC overall and over 5 stratified folds (57 positives, so the spread matters).
 */
final class BackorderRiskBench {
    static final int FOLDS = 5;

    private BackorderRiskBench() {
    }

    /** Overall and per-fold results. */
    record Result(double rocAuc, double prAuc, double[] foldRocAuc, double[] foldPrAuc, int rows, int positives) {
    }

    static Result run(Path csv, PrintStream out) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<Double> scores = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            double[] rates = {number(c, header, "sales_1_month"), number(c, header, "sales_3_month") / 3,
                    number(c, header, "sales_6_month") / 6, number(c, header, "sales_9_month") / 9};
            String lead = c[header.indexOf("lead_time")];
            double perf = number(c, header, "perf_6_month_avg");
            scores.add(BackorderRisk.probability(new BackorderRisk.Inputs(number(c, header, "national_inv"), number(c, header, "in_transit_qty"),
                    lead.isEmpty() ? null : Double.parseDouble(lead), number(c, header, "forecast_3_month"), rates, perf < 0 ? null : perf)));
            labels.add(c[header.indexOf("went_on_backorder")].equals("Yes"));
        }
        double[] score = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] label = new boolean[labels.size()];
        for (int i = 0; i < label.length; i++) {
            label[i] = labels.get(i);
        }
        double[] foldRoc = new double[FOLDS];
        double[] foldPr = new double[FOLDS];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Integer> rows = stratifiedFold(label, fold);
            double[] s = rows.stream().mapToDouble(i -> score[i]).toArray();
            boolean[] l = new boolean[rows.size()];
            for (int i = 0; i < l.length; i++) {
                l[i] = label[rows.get(i)];
            }
            foldRoc[fold] = BackorderRisk.rocAuc(s, l);
            foldPr[fold] = BackorderRisk.averagePrecision(s, l);
        }
        int positives = (int) labels.stream().filter(b -> b).count();
        Result result = new Result(BackorderRisk.rocAuc(score, label), BackorderRisk.averagePrecision(score, label), foldRoc, foldPr,
                label.length, positives);
        out.printf("backorder risk on %d SKUs (%d went on backorder), no training:%n", result.rows(), result.positives());
        out.printf("ROC-AUC %.3f (folds: mean %.3f, min %.3f, max %.3f)   PR-AUC %.3f (folds: mean %.3f, min %.3f, max %.3f)%n",
                result.rocAuc(), mean(foldRoc), min(foldRoc), max(foldRoc), result.prAuc(), mean(foldPr), min(foldPr), max(foldPr));
        out.println("published on the full data set (de Santis et al. 2017, trained models): ROC-AUC 0.95; base rate here "
                + String.format("%.4f", (double) positives / result.rows()) + " = PR-AUC of a random score");
        return result;
    }

    /** Every FOLDS-th positive and every FOLDS-th negative, so each fold keeps the base rate. */
    static List<Integer> stratifiedFold(boolean[] label, int fold) {
        List<Integer> rows = new ArrayList<>();
        int positives = 0;
        int negatives = 0;
        for (int i = 0; i < label.length; i++) {
            int index = label[i] ? positives++ : negatives++;
            if (index % FOLDS == fold) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static double number(String[] cells, List<String> header, String column) {
        String value = cells[header.indexOf(column)];
        return value.isEmpty() ? 0 : Double.parseDouble(value);
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(Double.NaN);
    }
}
