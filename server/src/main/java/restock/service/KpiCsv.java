package restock.service;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import restock.insight.KpiRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** KPI rows as CSV: the API's /api/insight/kpis.csv and the console's download write the same file. */
public final class KpiCsv {
    private KpiCsv() {
    }

    public static String write(List<KpiRow> rows) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(KpiRow.CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (KpiRow row : rows) {
                printer.printRecord(row.csvValues());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }
}
