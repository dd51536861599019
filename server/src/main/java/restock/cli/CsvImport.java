package restock.cli;

import org.jdbi.v3.core.Handle;
import restock.catalog.BackorderPolicy;
import restock.catalog.Currencies;
import restock.catalog.Lifecycle;
import restock.catalog.Listing;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.CalendarLimits;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.common.TextLimit;
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
    /** The longest reference: a reference is the key an import remembers it by (idempotent_requests.key). */
    public static final int MAX_REFERENCE = 255;

    /** What a file holds, and the columns it needs. */
    public enum Kind {
        products(List.of("sku", "name", "price_minor", "currency", "backorder_policy", "backorder_cap", "release_date", "discontinued",
                "image_url", "brand", "gtin", "mpn"), List.of("sku", "name", "price_minor", "currency"), List.of()),
        /** {@code export} adds what is reserved and backordered beside each count: read back, they are ignored. */
        stock(List.of("sku", "counted_quantity"), List.of("sku", "counted_quantity"), List.of("reserved", "backordered")),
        purchase_orders(List.of("reference", "supplier", "sku", "quantity", "expected_date")),
        orders(List.of("reference", "customer_email", "sku", "quantity"));

        final List<String> columns;
        /** The columns a file must have; the others may be left out. */
        final List<String> required;
        /** Columns an export writes for people to read, which an import of its file accepts and ignores. */
        final List<String> ignored;

        Kind(List<String> columns) {
            this(columns, columns, List.of());
        }

        Kind(List<String> columns, List<String> required, List<String> ignored) {
            this.columns = columns;
            this.required = required;
            this.ignored = ignored;
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

    /**
     * How many rows went in, how many were left as they were because their reference had been imported before with
     * the same rows (a file run again), or why none did.
     */
    public record Result(int imported, int alreadyImported, List<RowError> errors, List<String> ignoredColumns) {
        public Result(int imported, int alreadyImported, List<RowError> errors) {
            this(imported, alreadyImported, errors, List.of());
        }

        Result(List<RowError> errors) {
            this(0, 0, errors);
        }
    }

    /**
     * A validated row, or the rows of one order: their line numbers and what to do with them; the action says whether
     * it imported them (false: their reference had been imported before, with the same rows).
     */
    private record Step(List<Integer> lineNumbers, java.util.function.Predicate<Handle> action) {
        static Step of(int lineNumber, Consumer<Handle> action) {
            return new Step(List.of(lineNumber), h -> {
                action.accept(h);
                return true;
            });
        }

        int lineOf(String field) {
            return CsvImport.lineOf(lineNumbers, field);
        }
    }

    /**
     * The names the API gives what a file's columns hold, which the commands' checks use in their messages
     * ("priceMinor must be between ..."), and the columns that hold them.
     */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("priceMinor", "price_minor", "backorderPolicy", "backorder_policy",
            "backorderCap", "backorder_cap", "releaseDate", "release_date", "imageUrl", "image_url", "countedQuantity", "counted_quantity",
            "customerEmail", "customer_email", "expectedDate", "expected_date");
    private static final java.util.regex.Pattern API_FIELD = java.util.regex.Pattern.compile(
            "\\b(?:lines\\[\\d+]\\.)?(" + String.join("|", COLUMN_OF_FIELD.keySet()) + ")\\b|\\blines\\[\\d+]\\.");
    private static final java.util.regex.Pattern ORDER_LINE_NUMBER = java.util.regex.Pattern.compile(" \\(line \\d+\\)");

    /**
     * A refusal as a row error on the file's line, said in the file's words: "lines[0].quantity" and "priceMinor" are
     * the API's names, the file's columns are quantity and price_minor; and the order's own line number ("No product
     * with SKU 'NOPE' (line 1)") is left out, as the file's line is said instead. The one place import messages are translated.
     */
    private static RowError refused(int lineNumber, String field, RuntimeException e) {
        String message = API_FIELD.matcher(e.getMessage()).replaceAll(match -> match.group(1) == null ? "" : COLUMN_OF_FIELD.get(match.group(1)));
        if (field != null && LINE_FIELD.matcher(field).matches()) {
            message = ORDER_LINE_NUMBER.matcher(message).replaceAll("");
        }
        return new RowError(lineNumber, message);
    }

    private static final java.util.regex.Pattern LINE_FIELD = java.util.regex.Pattern.compile("lines\\[(\\d+)]\\..*");

    /** The file line an error is about: the order line its field names ("lines[2].sku"), else the first. */
    private static int lineOf(List<Integer> lineNumbers, String field) {
        java.util.regex.Matcher matcher = LINE_FIELD.matcher(field == null ? "" : field);
        if (matcher.matches()) {
            int index = Integer.parseInt(matcher.group(1));
            if (index < lineNumbers.size()) {
                return lineNumbers.get(index);
            }
        }
        return lineNumbers.get(0);
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
            return new Result(List.of(new RowError(1, "the file is empty; expected a header row: " + String.join(",", kind.columns))));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            return new Result(List.of(new RowError(MAX_ROWS + 2, "the file has " + (rows.size() - 1) + " rows; at most " + MAX_ROWS + " per import")));
        }
        Map<String, Integer> header = header(rows.get(0).cells(), kind, errors);
        if (!errors.isEmpty()) {
            return new Result(errors);
        }
        List<Step> steps = steps(kind, rows, header, errors);
        // The rows that could be read are tried even when others could not, in a transaction that is then rolled
        // back, so one run reports every bad row (unknown SKUs too), not only the first kind of mistake.
        int[] counts = new int[2];
        try {
            restock.inTransaction(handle -> {
                for (int i = 0; i < steps.size(); i++) {
                    Step step = steps.get(i);
                    try {
                        counts[step.action().test(handle) ? 0 : 1] += step.lineNumbers().size();
                    } catch (InvalidInput e) {
                        errors.add(refused(step.lineOf(e.field()), e.field(), e));
                    } catch (NotFound e) {
                        errors.add(refused(step.lineOf(e.field()), e.field(), e));
                    } catch (Conflict e) {
                        errors.add(refused(step.lineNumbers().get(0), e.field(), e));
                    }
                    progress.update(i + 1, steps.size());
                }
                if (!errors.isEmpty()) {
                    throw new RolledBack();
                }
                return null;
            });
        } catch (RolledBack e) {
            errors.sort(java.util.Comparator.comparingInt(RowError::lineNumber));
            return new Result(errors);
        }
        return new Result(counts[0], counts[1], List.of(), kind.ignored.stream().filter(header::containsKey).toList());
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
            String column = row.get(i).trim().toLowerCase(java.util.Locale.ROOT);
            if (index.putIfAbsent(column, i) != null && !column.isEmpty()) {
                // Which of the two holds the value is anybody's guess (a hostile-input run imported the second).
                errors.add(new RowError(1, "the header names column '" + column + "' twice; give each column once"));
            }
        }
        boolean semicolons = row.size() == 1 && row.get(0).contains(";");
        for (String column : kind.required) {
            if (!index.containsKey(column)) {
                errors.add(new RowError(1, "the header lacks column '" + column + "'; expected: " + String.join(",", kind.columns)
                        + (semicolons && errors.isEmpty() ? " (this file seems to use ';' between columns; save it with ',')" : "")));
            }
        }
        // A mistyped optional column (backorder_polcy) would be ignored, and its rows imported with the default.
        index.keySet().stream().filter(column -> !column.isEmpty() && !kind.columns.contains(column) && !kind.ignored.contains(column)).forEach(column ->
                errors.add(new RowError(1, "the header has a column '" + column + "' this file cannot have; its columns are: "
                        + String.join(",", kind.columns))));
        return index;
    }

    private List<Step> steps(Kind kind, List<Csv.Line> rows, Map<String, Integer> header, List<RowError> errors) {
        List<Step> steps = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        // A product or a count given twice in one file: which row should win is the planner's call, not ours.
        Map<String, Integer> skuLines = new java.util.HashMap<>();
        int headerFields = rows.get(0).cells().size();
        for (int r = 1; r < rows.size(); r++) {
            int lineNumber = rows.get(r).lineNumber();
            Row row = new Row(rows.get(r).cells(), header);
            if (row.blank()) {
                continue;
            }
            int fields = rows.get(r).cells().size();
            if (fields > headerFields) {
                // Fields past the header's have no column: read by name, they were dropped without a word.
                errors.add(new RowError(lineNumber, "the row has " + fields + " fields and the header " + headerFields
                        + "; a field with a comma in it is quoted (\"a, b\")"));
                continue;
            }
            try {
                switch (kind) {
                    case products -> {
                        Product product = product(row);
                        onceInTheFile(skuLines, product.sku(), lineNumber, "product");
                        steps.add(Step.of(lineNumber, h -> restock.catalog().create(h, product)));
                    }
                    case stock -> {
                        Sku sku = Sku.of(row.text("sku"));
                        int counted = row.integer("counted_quantity");
                        onceInTheFile(skuLines, sku, lineNumber, "count");
                        steps.add(Step.of(lineNumber, h -> restock.stock().count(h, sku, counted, "import")));
                    }
                    case purchase_orders -> {
                        row.date("expected_date");
                        row.integer("quantity");
                        Sku.of(row.text("sku"));
                        group(groups, row, "supplier").add(lineNumber, row);
                    }
                    case orders -> {
                        row.integer("quantity");
                        Sku.of(row.text("sku"));
                        group(groups, row, "customer_email").add(lineNumber, row);
                    }
                }
            } catch (InvalidInput e) {
                errors.add(refused(lineNumber, e.field(), e));
            }
        }
        for (Group group : groups.values()) {
            try {
                steps.add(kind == Kind.purchase_orders ? group.purchaseOrder(restock, newSuppliers) : group.order(restock));
            } catch (InvalidInput e) {
                // The request's own checks (a quantity of 0 or over the limit, an address that is no email) name the
                // order's line ("lines[1].quantity"): said on that row of the file, like every other row error.
                errors.add(refused(group.lineOf(e.field()), e.field(), e));
            }
        }
        return steps;
    }

    private static void onceInTheFile(Map<String, Integer> skuLines, Sku sku, int lineNumber, String what) {
        Integer first = skuLines.putIfAbsent(sku.code(), lineNumber);
        if (first != null) {
            throw new InvalidInput("sku", "SKU " + sku.code() + " has a " + what + " on line " + first + " too; give each SKU once in a file");
        }
    }

    /**
     * The purchase order or order a row belongs to, by its reference; every row of one reference names the same
     * supplier (or customer), or the rows of two would be merged into the first one's.
     */
    private static Group group(Map<String, Group> groups, Row row, String partyColumn) {
        String reference = row.text("reference");
        if (reference.length() > MAX_REFERENCE) {
            throw new InvalidInput("reference", "reference is " + reference.length() + " characters long; at most " + MAX_REFERENCE);
        }
        String party = row.text(partyColumn);
        Group group = groups.computeIfAbsent(reference, ref -> new Group(ref, partyColumn, party));
        if (!group.party.equals(party)) {
            throw new InvalidInput(partyColumn, "reference " + reference + " has " + partyColumn.replace('_', ' ') + " '" + group.party
                    + "' on line " + group.lineNumbers.get(0) + " and '" + party + "' here; the rows of one reference are one "
                    + (partyColumn.equals("supplier") ? "purchase order, from one supplier" : "order, for one customer"));
        }
        return group;
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
                new Money(row.longValue("price_minor"), Currencies.checked("currency", row.text("currency"))),
                BackorderPolicy.parse(policy.isEmpty() ? null : policy, capValue), lifecycle, listing);
    }

    /**
     * The rows of one purchase order or order, grouped by their reference column. The reference is imported once: a
     * file run again (after a failure, or by mistake) leaves what it imported before as it is, instead of ordering
     * twice; the same reference with other rows is refused.
     */
    private static final class Group {
        final String reference;
        final String partyColumn;
        final String party;
        final List<Integer> lineNumbers = new ArrayList<>();
        final List<Row> rows = new ArrayList<>();

        Group(String reference, String partyColumn, String party) {
            this.reference = reference;
            this.partyColumn = partyColumn;
            this.party = party;
        }

        void add(int lineNumber, Row row) {
            lineNumbers.add(lineNumber);
            rows.add(row);
        }

        int lineOf(String field) {
            return CsvImport.lineOf(lineNumbers, field);
        }

        Step purchaseOrder(Restock restock, boolean newSuppliers) {
            List<PurchaseOrderRequest.Line> lines = rows.stream().map(row -> new PurchaseOrderRequest.Line(
                    Sku.of(row.text("sku")), row.integer("quantity"), row.date("expected_date"))).toList();
            PurchaseOrderRequest request = new PurchaseOrderRequest(party, newSuppliers, lines);
            return once(restock, "import purchase-orders", lines.toString(),
                    h -> "purchase order " + restock.purchasing().create(h, request).id());
        }

        Step order(Restock restock) {
            List<OrderRequest.Line> lines = rows.stream().map(row -> new OrderRequest.Line(
                    Sku.of(row.text("sku")), row.integer("quantity"))).toList();
            OrderRequest request = new OrderRequest(party, true, 0, lines);
            return once(restock, "import orders", lines.toString(), h -> "order " + restock.orders().place(h, request).id());
        }

        private Step once(Restock restock, String scope, String lines, java.util.function.Function<Handle, String> create) {
            String requestHash = sha256(party + "\n" + lines);
            return new Step(lineNumbers, h -> {
                Optional<restock.service.IdempotentCommands.Remembered> before = restock.idempotent().find(h, scope, reference);
                if (before.isPresent()) {
                    if (!before.get().requestHash().equals(requestHash)) {
                        throw new Conflict("reference " + reference + " was imported before with other rows (" + before.get().answer()
                                + "); a reference is imported once, so give a changed or new one a reference of its own");
                    }
                    return false;
                }
                restock.idempotent().remember(h, scope, reference, requestHash, create.apply(h));
                return true;
            });
        }

        private static String sha256(String text) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One CSV row read by column name. */
    private record Row(List<String> cells, Map<String, Integer> header) {
        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }

        /**
         * The column's value, trimmed; refused when it holds a control character, as the API refuses one (a NUL reached
         * PostgreSQL, which cannot store it, and its error ended the import with a stack trace). Checked before the trim,
         * which would take a control character off either end unseen.
         */
        String optional(String column) {
            Integer index = header.get(column);
            String value = index == null || index >= cells.size() ? "" : cells.get(index);
            if (TextLimit.hasControlCharacter(value)) {
                throw new InvalidInput(column, column + " must not hold control characters such as NUL");
            }
            return value.trim();
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

        /**
         * A date within {@link CalendarLimits}, as the API and the console take it: Java parses +999999999-12-31, which
         * PostgreSQL stored as 'infinity' (exported so, and refused when imported back) and could not subtract from.
         */
        LocalDate date(String column) {
            String value = text(column);
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidInput(column, column + " must be a date as YYYY-MM-DD, was '" + value + "'");
            }
            return CalendarLimits.require(column, date);
        }
    }
}
