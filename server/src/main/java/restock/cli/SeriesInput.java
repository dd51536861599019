package restock.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import restock.forecast.ForecastMethod;
import restock.forecast.IntermittentForecasts;
import restock.forecast.SeasonalAdjustment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The forecast command's input: a long history file ({@code series_id,t,value}, any row order, t = 1, 2, ... with no
 * gap) and a meta file ({@code series_id,frequency,h}, other columns ignored) that says which series to forecast, with
 * which season length and how far. Every problem found is collected, so one run names them all.
 */
final class SeriesInput {
    /** The most observations one series may have. */
    static final int MAX_OBSERVATIONS = 100_000;
    /** The most series one run may forecast. */
    static final int MAX_SERIES = 1_000_000;
    /** The most problems listed before the rest are counted only. */
    static final int MAX_PROBLEMS_LISTED = 20;

    private SeriesInput() {
    }

    /** One series to forecast: its id, season length (1 for none), horizon and history (oldest first). */
    record Series(String id, int frequency, int horizon, double[] history) {
    }

    /** The series to forecast in the meta file's order, or the problems that stop the run. */
    record Loaded(List<Series> series, List<String> problems, int historiesWithoutMeta) {
    }

    static Loaded load(Path historyFile, Path metaFile) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, TreeMap<Integer, Double>> histories = histories(historyFile, problems);
        List<Series> series = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CSVRecord row : records(metaFile, List.of("series_id", "frequency", "h"), problems)) {
            String where = metaFile.getFileName() + " line " + (row.getRecordNumber() + 1);
            String id = row.get("series_id");
            if (!seen.add(id)) {
                problems.add(where + ": series " + id + " is listed twice");
                continue;
            }
            Integer frequency = frequency(row.get("frequency"), where, problems);
            Integer horizon = horizon(row.get("h"), where, problems);
            TreeMap<Integer, Double> values = histories.get(id);
            if (values == null) {
                problems.add(where + ": series " + id + " has no rows in " + historyFile.getFileName());
                continue;
            }
            double[] history = contiguous(id, values, problems);
            if (frequency != null && horizon != null && history != null) {
                series.add(new Series(id, frequency, horizon, history));
            }
        }
        if (seen.size() > MAX_SERIES) {
            problems.add(metaFile.getFileName() + " lists " + seen.size() + " series; one run forecasts at most " + MAX_SERIES);
        }
        int withoutMeta = (int) histories.keySet().stream().filter(id -> !seen.contains(id)).count();
        return new Loaded(series, problems, withoutMeta);
    }

    private static Map<String, TreeMap<Integer, Double>> histories(Path file, List<String> problems) throws IOException {
        Map<String, TreeMap<Integer, Double>> histories = new LinkedHashMap<>();
        for (CSVRecord row : records(file, List.of("series_id", "t", "value"), problems)) {
            String where = file.getFileName() + " line " + (row.getRecordNumber() + 1);
            String id = row.get("series_id");
            Integer t = time(row.get("t"), where, problems);
            Double value = observation(row.get("value"), where, problems);
            if (id.isBlank()) {
                problems.add(where + ": series_id is empty");
            } else if (t != null && value != null) {
                TreeMap<Integer, Double> values = histories.computeIfAbsent(id, key -> new TreeMap<>());
                if (values.put(t, value) != null) {
                    problems.add(where + ": series " + id + " has t = " + t + " twice");
                }
                if (values.size() > MAX_OBSERVATIONS) {
                    problems.add(where + ": series " + id + " has more than " + MAX_OBSERVATIONS + " observations");
                    values.clear();
                }
            }
        }
        return histories;
    }

    /** The values in t order, when t runs 1, 2, ... without a gap; otherwise null and a problem. */
    private static double[] contiguous(String id, TreeMap<Integer, Double> values, List<String> problems) {
        int expected = 1;
        for (int t : values.keySet()) {
            if (t != expected) {
                problems.add("series " + id + ": t must run 1, 2, 3, ... without a gap; t = " + expected + " is missing"
                        + (t < expected ? "" : " (next is " + t + ")"));
                return null;
            }
            expected++;
        }
        if (values.isEmpty()) {
            problems.add("series " + id + " has no observations");
            return null;
        }
        return values.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A t: 1 or more. One below 1 is said on its line; found later, as a gap, it was told "t = 1 is missing" when t = 1
     * was there after a -1 and a 0 (an outside check).
     */
    private static Integer time(String text, String where, List<String> problems) {
        Integer t = integer(text, where, "t", problems);
        if (t != null && t < 1) {
            problems.add(where + ": t must be 1 or more (t runs 1, 2, 3, ... per series), was " + t);
            return null;
        }
        return t;
    }

    /** A value the methods forecast from: a finite number within {@link ForecastMethod#MAX_ABSOLUTE_OBSERVATION} either way. */
    private static Double observation(String text, String where, List<String> problems) {
        Double value = number(text, where, problems);
        if (value != null && Math.abs(value) > ForecastMethod.MAX_ABSOLUTE_OBSERVATION) {
            String limit = java.math.BigDecimal.valueOf(ForecastMethod.MAX_ABSOLUTE_OBSERVATION).toPlainString();
            problems.add(where + ": value must be between -" + limit + " and " + limit + ", was '" + text + "'");
            return null;
        }
        return value;
    }

    /** The season length: a whole number of periods, or a fractional one (52.18 weeks) rounded to the nearest. */
    private static Integer frequency(String text, String where, List<String> problems) {
        Double value = number(text, where, problems);
        if (value == null) {
            return null;
        }
        long rounded = Math.round(value);
        if (rounded < 1 || rounded > SeasonalAdjustment.MAX_PERIOD) {
            problems.add(where + ": frequency must be between 1 and " + SeasonalAdjustment.MAX_PERIOD + ", was " + text);
            return null;
        }
        return (int) rounded;
    }

    /** The horizon: a whole number up to the limit; one of more digits than an int holds is said against the limit too. */
    private static Integer horizon(String text, String where, List<String> problems) {
        String digits = text.trim();
        if (!digits.matches("[+-]?[0-9]+")) {
            return integer(text, where, "h", problems);
        }
        java.math.BigInteger h = new java.math.BigInteger(digits);
        if (h.signum() < 1 || h.compareTo(java.math.BigInteger.valueOf(IntermittentForecasts.MAX_HORIZON)) > 0) {
            problems.add(where + ": h must be between 1 and " + IntermittentForecasts.MAX_HORIZON + ", was " + h);
            return null;
        }
        return h.intValueExact();
    }

    private static Integer integer(String text, String where, String column, List<String> problems) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            problems.add(where + ": " + column + " must be a whole number, was '" + text + "'");
            return null;
        }
    }

    private static Double number(String text, String where, List<String> problems) {
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        problems.add(where + ": expected a finite number, was '" + text + "'");
        return null;
    }

    /**
     * The rows of a CSV file with a header that must hold {@code required}; a missing column is a problem. Read as
     * import reads (UTF-8, a byte order mark skipped), and a file that is not UTF-8 is said so as import says it.
     */
    private static List<CSVRecord> records(Path file, List<String> required, List<String> problems) throws IOException {
        try (Reader reader = Csv.open(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(reader)) {
            List<String> missing = required.stream().filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
            if (!missing.isEmpty()) {
                problems.add(file.getFileName() + " has no column " + String.join(", ", missing) + " (its header: "
                        + String.join(",", parser.getHeaderNames()) + "; needed: " + String.join(",", required) + ")");
                return List.of();
            }
            List<CSVRecord> rows = new ArrayList<>();
            for (CSVRecord row : parser) {
                if (!row.isConsistent()) {
                    problems.add(file.getFileName() + " line " + (row.getRecordNumber() + 1) + " has " + row.size()
                            + " fields, the header " + parser.getHeaderNames().size());
                } else {
                    rows.add(row);
                }
            }
            return rows;
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(file.getFileName() + ": " + Csv.NOT_UTF_8);
            return List.of();
        } catch (java.io.UncheckedIOException e) {
            problems.add(file.getFileName() + (e.getCause() instanceof java.nio.charset.CharacterCodingException ? ": " + Csv.NOT_UTF_8
                    : " is not readable CSV: " + e.getMessage()));
            return List.of();
        } catch (IllegalArgumentException e) {
            problems.add(file.getFileName() + " is not readable CSV: " + e.getMessage());
            return List.of();
        }
    }
}
