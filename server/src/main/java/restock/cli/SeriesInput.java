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

    /**
     * Reads both files and checks every row; a file that is not there is a problem like any other, so the rows of the
     * one that is are still checked (a planner mends everything after one run, not one thing a run).
     */
    static Loaded load(Path historyFile, Path metaFile) throws IOException {
        List<String> problems = new ArrayList<>();
        // null when the history file is missing or unreadable: its problem is said, and no series is then also told it has no rows.
        Histories histories = null;
        if (Files.isRegularFile(historyFile)) {
            histories = histories(historyFile, problems);
        } else {
            problems.add(historyFile + " not found");
        }
        if (!Files.isRegularFile(metaFile)) {
            problems.add(metaFile + " not found");
            return new Loaded(List.of(), problems, 0);
        }
        List<Series> series = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Row line : rowsOrNone(records(metaFile, List.of("series_id", "frequency", "h"), problems))) {
            CSVRecord row = line.fields();
            if (!row.isConsistent()) {
                continue;
            }
            String where = metaFile.getFileName() + " line " + line.number();
            String id = row.get("series_id");
            if (!seen.add(id)) {
                problems.add(where + ": series " + id + " is listed twice");
                continue;
            }
            Integer frequency = frequency(row.get("frequency"), where, problems);
            Integer horizon = horizon(row.get("h"), where, problems);
            if (histories == null) {
                continue;
            }
            TreeMap<Integer, Observation> values = histories.observations().get(id);
            if (values == null) {
                Refused refused = histories.refused().get(id);
                problems.add(where + ": series " + id + withoutRows(refused == null ? null : refused.lines(), historyFile));
                continue;
            }
            double[] history = contiguous(id, values, histories.refused().getOrDefault(id, new Refused()), historyFile, problems);
            if (frequency != null && horizon != null && history != null) {
                series.add(new Series(id, frequency, horizon, history));
            }
        }
        if (seen.size() > MAX_SERIES) {
            problems.add(metaFile.getFileName() + " lists " + seen.size() + " series; one run forecasts at most " + MAX_SERIES);
        }
        int withoutMeta = histories == null ? 0 : (int) histories.observations().keySet().stream().filter(id -> !seen.contains(id)).count();
        return new Loaded(series, problems, withoutMeta);
    }

    /**
     * Why a series of the meta file has nothing to forecast from: no row names it, or every row that does was refused.
     * The second was told "has no rows" too, and a planner looked for rows that were there (an outside check).
     */
    private static String withoutRows(List<Integer> refusedLines, Path historyFile) {
        if (refusedLines == null) {
            return " has no rows in " + historyFile.getFileName();
        }
        int count = refusedLines.size();
        return ": " + (count == 1 ? "its one row" : "all " + count + " of its rows") + " in " + historyFile.getFileName()
                + (count == 1 ? " was" : " were") + " refused (" + (count == 1 ? "line " : "the first on line ") + refusedLines.get(0)
                + ", its problem named with it), so it has nothing to forecast from";
    }

    private static List<Row> rowsOrNone(List<Row> rows) {
        return rows == null ? List.of() : rows;
    }

    /**
     * How both files are read. Blank lines are read as records (and then skipped) rather than ignored by the parser: a
     * record's number counts only records, and a row after a blank line was said to be on the line before its own (an
     * outside check), so each row's line is counted from the parser's line count, as import counts it ({@link Csv#parse}).
     */
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
            .setIgnoreEmptyLines(false).get();

    /** A row of a file and the line it starts on (the header is line 1). */
    private record Row(int number, CSVRecord fields) {
    }

    /** One observation and the line of the history file it was read from. */
    private record Observation(double value, int line) {
    }

    /** The history file's observations per series, and per series its rows that were refused. */
    private record Histories(Map<String, TreeMap<Integer, Observation>> observations, Map<String, Refused> refused) {
    }

    /** A series' rows that were refused: their lines, and the t of those whose t could be read (a gap there is theirs). */
    private record Refused(List<Integer> lines, Set<Integer> times) {
        Refused() {
            this(new ArrayList<>(), new java.util.HashSet<>());
        }
    }

    /** The history file read, or null when it could not be read as rows (its problem is said). */
    private static Histories histories(Path file, List<String> problems) throws IOException {
        List<Row> rows = records(file, List.of("series_id", "t", "value"), problems);
        if (rows == null) {
            return null;
        }
        Map<String, TreeMap<Integer, Observation>> histories = new LinkedHashMap<>();
        Map<String, Refused> refused = new LinkedHashMap<>();
        for (Row numbered : rows) {
            CSVRecord row = numbered.fields();
            int line = numbered.number();
            if (!row.isConsistent()) {
                refuseShortOrLong(row, line, refused);
                continue;
            }
            String where = file.getFileName() + " line " + line;
            String id = row.get("series_id");
            Integer t = time(row.get("t"), where, problems);
            Double value = observation(row.get("value"), where, problems);
            if (id.isBlank()) {
                problems.add(where + ": series_id is empty");
            } else if (t == null || value == null) {
                Refused ofSeries = refused.computeIfAbsent(id, key -> new Refused());
                ofSeries.lines().add(line);
                if (t != null) {
                    ofSeries.times().add(t);
                }
            } else {
                TreeMap<Integer, Observation> values = histories.computeIfAbsent(id, key -> new TreeMap<>());
                Observation earlier = values.put(t, new Observation(value, line));
                if (earlier != null) {
                    problems.add(where + ": series " + id + " has t = " + t + " twice (line " + earlier.line() + " too)");
                }
                if (values.size() > MAX_OBSERVATIONS) {
                    problems.add(where + ": series " + id + " has more than " + MAX_OBSERVATIONS + " observations");
                    values.clear();
                }
            }
        }
        return new Histories(histories, refused);
    }

    /**
     * A row with more or fewer fields than the header, already named as a problem, is one of its series' refused rows
     * when its series_id can be read (and its t, when that can be read too): a series whose only rows were such was told
     * it "has no rows", and a gap they left was named again.
     */
    private static void refuseShortOrLong(CSVRecord row, int line, Map<String, Refused> refused) {
        if (!row.isSet("series_id") || row.get("series_id").isBlank()) {
            return;
        }
        Refused ofSeries = refused.computeIfAbsent(row.get("series_id"), key -> new Refused());
        ofSeries.lines().add(line);
        if (row.isSet("t") && row.get("t").matches("[0-9]{1,9}") && Integer.parseInt(row.get("t")) >= 1) {
            ofSeries.times().add(Integer.parseInt(row.get("t")));
        }
    }

    /**
     * The values in t order, when t runs 1, 2, ... without a gap; otherwise null, and a problem on the line after the gap
     * unless the gap is only refused rows' (each already named: told twice, one bad value read as two mistakes).
     */
    private static double[] contiguous(String id, TreeMap<Integer, Observation> values, Refused refused, Path historyFile,
            List<String> problems) {
        int expected = 1;
        for (Map.Entry<Integer, Observation> entry : values.entrySet()) {
            int t = entry.getKey();
            if (t > expected && java.util.stream.IntStream.range(expected, t).allMatch(refused.times()::contains)) {
                expected = t;
            }
            if (t != expected) {
                problems.add(historyFile.getFileName() + " line " + entry.getValue().line() + ": series " + id
                        + ": t must run 1, 2, 3, ... without a gap; t = " + expected + " is missing" + (t < expected ? "" : " (next is " + t + ")"));
                return null;
            }
            expected++;
        }
        if (values.isEmpty()) {
            problems.add("series " + id + " has no observations");
            return null;
        }
        if (!refused.lines().isEmpty()) {
            return null;
        }
        return values.values().stream().mapToDouble(Observation::value).toArray();
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
        Double value = number(text, where, "value", problems);
        if (value != null && Math.abs(value) > ForecastMethod.MAX_ABSOLUTE_OBSERVATION) {
            String limit = java.math.BigDecimal.valueOf(ForecastMethod.MAX_ABSOLUTE_OBSERVATION).toPlainString();
            problems.add(where + ": value must be between -" + limit + " and " + limit + ", was '" + text + "'");
            return null;
        }
        return value;
    }

    /** The season length: a whole number of periods, or a fractional one (52.18 weeks) rounded to the nearest. */
    private static Integer frequency(String text, String where, List<String> problems) {
        Double value = number(text, where, "frequency", problems);
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

    private static Double number(String text, String where, String column, List<String> problems) {
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        problems.add(where + ": " + column + " must be a finite number, was '" + text + "'");
        return null;
    }

    /**
     * The rows of a CSV file with a header that must hold {@code required}; a missing column is a problem. Read as
     * import reads (UTF-8, a byte order mark skipped), and a file that is not UTF-8 is said so as import says it. Null when
     * the file could not be read as rows (the problem is said). A row with more or fewer fields than the header is named
     * as a problem and still returned (not {@link CSVRecord#isConsistent()}), so its series can count it as refused.
     */
    private static List<Row> records(Path file, List<String> required, List<String> problems) throws IOException {
        try (Reader reader = Csv.open(file);
             CSVParser parser = READ.parse(reader)) {
            List<String> missing = required.stream().filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
            if (!missing.isEmpty()) {
                boolean semicolons = parser.getHeaderNames().size() == 1 && parser.getHeaderNames().get(0).contains(";");
                problems.add(file.getFileName() + " has no column " + String.join(", ", missing) + " (its header: "
                        + String.join(",", parser.getHeaderNames()) + "; needed: " + String.join(",", required) + ")"
                        + (semicolons ? "; this file seems to use ';' between columns; save it with ','" : ""));
                return null;
            }
            List<Row> rows = new ArrayList<>();
            long linesBefore = parser.getCurrentLineNumber();
            for (CSVRecord row : parser) {
                int line = Math.toIntExact(linesBefore + 1);
                linesBefore = parser.getCurrentLineNumber();
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // a blank line: read, so that the lines after it are numbered as an editor numbers them
                }
                if (!row.isConsistent()) {
                    problems.add(file.getFileName() + " line " + line + " has " + row.size() + " fields, the header " + parser.getHeaderNames().size());
                }
                rows.add(new Row(line, row));
            }
            return rows;
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(file.getFileName() + ": " + Csv.NOT_UTF_8);
            return null;
        } catch (java.io.UncheckedIOException e) {
            problems.add(file.getFileName() + (e.getCause() instanceof java.nio.charset.CharacterCodingException ? ": " + Csv.NOT_UTF_8
                    : " is not readable CSV: " + e.getMessage()));
            return null;
        } catch (IllegalArgumentException e) {
            problems.add(file.getFileName() + " is not readable CSV: " + e.getMessage());
            return null;
        }
    }
}
