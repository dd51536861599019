package restock.service;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import restock.planning.PlanFigures;
import restock.planning.Planner;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plan as CSV, the form `restock plan` prints and the nightly run stores; read back by the console's planning page,
 * which shows the stored run instead of planning every SKU per request.
 */
public final class PlanCsv {
    /** What Excel writes first in a "CSV UTF-8" file, and needs to read one as UTF-8. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String[] HEADER = {"sku", "name", "supplier", "daily_demand", "reorder_point", "safety_stock", "order_up_to",
            "inventory_position", "suggested_quantity", "order_by", "days_of_cover", "stocks_out_before_next_receipt", "reason",
            "incoming", "next_receipt", "lead_time_days", "next_receipt_units"};
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader(HEADER).setSkipHeaderRecord(true).get();

    private PlanCsv() {
    }

    public static String write(List<Planner.SkuPlan> plans) {
        StringWriter text = new StringWriter();
        text.write(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(text, WRITE)) {
            printer.printRecord((Object[]) HEADER);
            for (Planner.SkuPlan p : plans) {
                // The figures rounded as every output rounds them (PlanFigures), written as the decimals they stand for.
                printer.printRecord(PlanFigures.fields(p).stream().map(field -> field.value() == null ? ""
                        : field.value() instanceof Double figure ? PlanFigures.text(figure) : field.value().toString()).toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The plans of a stored run, in its order; figures as rounded when written (days of cover blank: infinite). */
    public static List<Planner.SkuPlan> read(String csv) {
        String text = !csv.isEmpty() && csv.charAt(0) == BYTE_ORDER_MARK ? csv.substring(1) : csv;
        List<Planner.SkuPlan> plans = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
            for (CSVRecord row : parser) {
                String cover = row.get("days_of_cover");
                String orderBy = row.get("order_by");
                plans.add(new Planner.SkuPlan(row.get("sku"), row.get("name"), row.get("supplier"), Double.parseDouble(row.get("daily_demand")),
                        Double.parseDouble(row.get("reorder_point")), Double.parseDouble(row.get("safety_stock")),
                        Double.parseDouble(row.get("order_up_to")), Integer.parseInt(row.get("inventory_position")),
                        Integer.parseInt(row.get("suggested_quantity")), orderBy.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(orderBy)),
                        row.get("reason"), cover.isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(cover),
                        Boolean.parseBoolean(row.get("stocks_out_before_next_receipt")),
                        // Runs stored before the supply was kept with the plan have no such columns.
                        row.isSet("incoming") ? Integer.parseInt(row.get("incoming")) : 0,
                        row.isSet("next_receipt") && !row.get("next_receipt").isEmpty() ? Optional.of(LocalDate.parse(row.get("next_receipt"))) : Optional.empty(),
                        row.isSet("lead_time_days") ? Double.parseDouble(row.get("lead_time_days")) : Planner.DEFAULT_LEAD_TIME_DAYS,
                        row.isSet("next_receipt_units") ? Integer.parseInt(row.get("next_receipt_units")) : 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | java.time.DateTimeException e) {
            throw new IllegalStateException("a stored planning run is not a plan CSV: " + e.getMessage(), e);
        }
        return plans;
    }
}
