package restock.cli;

import org.jdbi.v3.core.Handle;
import restock.catalog.BackorderPolicy;
import restock.catalog.Lifecycle;
import restock.catalog.Listing;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.orders.OrderRequest;
import restock.purchasing.PurchaseOrderRequest;
import restock.service.Restock;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads CSV rows into commands and runs them in one transaction. Any bad row, found while reading or while
 * applying, is reported with its line number and the whole import is rolled back.
 */
public final class CsvImport {
    public static final int MAX_ROWS = 200_000;

    /** What a file holds, and the columns it needs. */
    public enum Kind {
        products(List.of("sku", "name", "price_minor", "currency", "backorder_policy", "backorder_cap", "release_date", "discontinued",
                "image_url", "brand", "gtin", "mpn"), List.of("sku", "name", "price_minor", "currency")),
        stock(List.of("sku", "counted_quantity")),
        purchase_orders(List.of("reference", "supplier", "sku", "quantity", "expected_date")),
        orders(List.of("reference", "customer_email", "sku", "quantity"));

        final List<String> columns;
        /** The columns a file must have; the others may be left out. */
        final List<String> required;

        Kind(List<String> columns) {
            this(columns, columns);
        }

        Kind(List<String> columns, List<String> required) {
            this.columns = columns;
            this.required = required;
        }

        /** The name on the command line: purchase-orders (purchase_orders is accepted too). */
        public String commandName() {
            return name().replace('_', '-');
        }

        public static Kind parse(String name) {
            for (Kind kind : values()) {
                if (kind.name().equals(name) || kind.commandName().equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("'" + name + "' is not a kind of file; use products, stock, purchase-orders or orders");
        }
    }

    /** A row that could not be imported. */
    public record RowError(int lineNumber, String message) {
    }

    /** How many rows went in, or why none did. */
    public record Result(int imported, List<RowError> errors) {
    }

    /** A validated row, or the rows of one order: their line numbers and what to do with them. */
    private record Step(List<Integer> lineNumbers, Consumer<Handle> action) {
        private static final java.util.regex.Pattern LINE_FIELD = java.util.regex.Pattern.compile("lines\\[(\\d+)]\\..*");

        /** The file line an error is about: the order line its field names ("lines[2].sku"), else the first. */
        int lineOf(String field) {
            java.util.regex.Matcher matcher = LINE_FIELD.matcher(field == null ? "" : field);
            if (matcher.matches()) {
                int index = Integer.parseInt(matcher.group(1));
                if (index < lineNumbers.size()) {
                    return lineNumbers.get(index);
                }
            }
            return lineNumbers.get(0);
        }
    }

    private final Restock restock;
    private final ProgressBar progress;
    /** Whether a purchase-orders file may name suppliers that do not exist yet (they are created); otherwise refused. */
    private final boolean newSuppliers;

    public CsvImport(Restock restock, ProgressBar progress) {
        this(restock, progress, false);
    }

    public CsvImport(Restock restock, ProgressBar progress, boolean newSuppliers) {
        this.restock = restock;
        this.progress = progress;
        this.newSuppliers = newSuppliers;
    }

    public Result run(Kind kind, List<Csv.Line> rows) {
        List<RowError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            return new Result(0, List.of(new RowError(1, "the file is empty; expected a header row: " + String.join(",", kind.columns))));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            return new Result(0, List.of(new RowError(MAX_ROWS + 2, "the file has " + (rows.size() - 1) + " rows; at most " + MAX_ROWS + " per import")));
        }
        Map<String, Integer> header = header(rows.get(0).cells(), kind, errors);
        if (!errors.isEmpty()) {
            return new Result(0, errors);
        }
        List<Step> steps = steps(kind, rows, header, errors);
        if (!errors.isEmpty()) {
            return new Result(0, errors);
        }
        try {
            restock.inTransaction(handle -> {
                for (int i = 0; i < steps.size(); i++) {
                    Step step = steps.get(i);
                    try {
                        step.action().accept(handle);
                    } catch (InvalidInput e) {
                        errors.add(new RowError(step.lineOf(e.field()), e.getMessage()));
                    } catch (NotFound e) {
                        errors.add(new RowError(step.lineOf(e.field()), e.getMessage()));
                    } catch (Conflict e) {
                        errors.add(new RowError(step.lineNumbers().get(0), e.getMessage()));
                    }
                    progress.update(i + 1, steps.size());
                }
                if (!errors.isEmpty()) {
                    throw new RolledBack();
                }
                return null;
            });
        } catch (RolledBack e) {
            return new Result(0, errors);
        }
        return new Result(rows.size() - 1, List.of());
    }

    /** Thrown to roll the import's transaction back after bad rows. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("import rolled back", null, false, false);
        }
    }

    private static Map<String, Integer> header(List<String> row, Kind kind, List<RowError> errors) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            index.put(row.get(i).trim().toLowerCase(java.util.Locale.ROOT), i);
        }
        for (String column : kind.required) {
            if (!index.containsKey(column)) {
                errors.add(new RowError(1, "the header lacks column '" + column + "'; expected: " + String.join(",", kind.columns)));
            }
        }
        return index;
    }

    private List<Step> steps(Kind kind, List<Csv.Line> rows, Map<String, Integer> header, List<RowError> errors) {
        List<Step> steps = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            int lineNumber = rows.get(r).lineNumber();
            Row row = new Row(rows.get(r).cells(), header);
            if (row.blank()) {
                continue;
            }
            try {
                switch (kind) {
                    case products -> {
                        Product product = product(row);
                        steps.add(new Step(List.of(lineNumber), h -> restock.catalog().create(h, product)));
                    }
                    case stock -> {
                        Sku sku = Sku.of(row.text("sku"));
                        int counted = row.integer("counted_quantity");
                        steps.add(new Step(List.of(lineNumber), h -> restock.stock().count(h, sku, counted, "import")));
                    }
                    case purchase_orders -> {
                        row.date("expected_date");
                        groups.computeIfAbsent(row.text("reference"), ref -> new Group(row.text("supplier"))).add(lineNumber, row);
                    }
                    case orders -> groups.computeIfAbsent(row.text("reference"), ref -> new Group(row.text("customer_email")))
                            .add(lineNumber, row);
                }
            } catch (InvalidInput e) {
                errors.add(new RowError(lineNumber, e.getMessage()));
            }
        }
        for (Group group : groups.values()) {
            try {
                steps.add(kind == Kind.purchase_orders ? group.purchaseOrder(restock, newSuppliers) : group.order(restock));
            } catch (InvalidInput e) {
                errors.add(new RowError(group.lineNumbers.get(0), e.getMessage()));
            }
        }
        return steps;
    }

    private static Product product(Row row) {
        String cap = row.optional("backorder_cap");
        Integer capValue = cap.isEmpty() ? null : row.integer("backorder_cap");
        String policy = row.optional("backorder_policy");
        String release = row.optional("release_date");
        Lifecycle lifecycle = new Lifecycle(release.isEmpty() ? Optional.empty() : Optional.of(row.date("release_date")),
                row.bool("discontinued"));
        Listing listing = Listing.of(row.optional("image_url"), row.optional("brand"), row.optional("gtin"), row.optional("mpn"));
        return new Product(Sku.of(row.text("sku")), row.text("name"),
                new Money(row.longValue("price_minor"), row.text("currency")),
                BackorderPolicy.parse(policy.isEmpty() ? null : policy, capValue), lifecycle, listing);
    }

    /** The rows of one purchase order or order, grouped by their reference column. */
    private static final class Group {
        final String party;
        final List<Integer> lineNumbers = new ArrayList<>();
        final List<Row> rows = new ArrayList<>();

        Group(String party) {
            this.party = party;
        }

        void add(int lineNumber, Row row) {
            Sku.of(row.text("sku"));
            row.integer("quantity");
            lineNumbers.add(lineNumber);
            rows.add(row);
        }

        Step purchaseOrder(Restock restock, boolean newSuppliers) {
            List<PurchaseOrderRequest.Line> lines = rows.stream().map(row -> new PurchaseOrderRequest.Line(
                    Sku.of(row.text("sku")), row.integer("quantity"), row.date("expected_date"))).toList();
            PurchaseOrderRequest request = new PurchaseOrderRequest(party, newSuppliers, lines);
            return new Step(lineNumbers, h -> restock.purchasing().create(h, request));
        }

        Step order(Restock restock) {
            List<OrderRequest.Line> lines = rows.stream().map(row -> new OrderRequest.Line(
                    Sku.of(row.text("sku")), row.integer("quantity"))).toList();
            OrderRequest request = new OrderRequest(party, true, 0, lines);
            return new Step(lineNumbers, h -> restock.orders().place(h, request));
        }
    }

    /** One CSV row read by column name. */
    private record Row(List<String> cells, Map<String, Integer> header) {
        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }

        String optional(String column) {
            Integer index = header.get(column);
            return index == null || index >= cells.size() ? "" : cells.get(index).trim();
        }

        String text(String column) {
            String value = optional(column);
            if (value.isEmpty()) {
                throw new InvalidInput(column, column + " is empty");
            }
            return value;
        }

        long longValue(String column) {
            String value = text(column);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new InvalidInput(column, column + " must be a whole number, was '" + value + "'");
            }
        }

        int integer(String column) {
            long value = longValue(column);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new InvalidInput(column, column + " is out of range: " + value);
            }
            return (int) value;
        }

        /** An optional true/false column; empty is false. */
        boolean bool(String column) {
            String value = optional(column).toLowerCase(java.util.Locale.ROOT);
            return switch (value) {
                case "", "false", "no", "0" -> false;
                case "true", "yes", "1" -> true;
                default -> throw new InvalidInput(column, column + " must be true or false, was '" + value + "'");
            };
        }

        LocalDate date(String column) {
            String value = text(column);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidInput(column, column + " must be a date as YYYY-MM-DD, was '" + value + "'");
            }
        }
    }
}
