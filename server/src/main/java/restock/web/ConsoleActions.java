package restock.web;

import restock.orders.CancellationChannel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import restock.allocation.SkuBook;
import restock.catalog.Sku;
import restock.common.CalendarLimits;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.service.ConsoleQueries;
import restock.views.ConsoleRows;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.orders.OrderRequest;
import restock.payments.CancelledCharge;
import restock.payments.LinePayment;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.service.PurchasingCommands;
import restock.service.Restock;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's buttons and forms: each calls one service command in one transaction, then says what happened. */
final class ConsoleActions {
    /** Why a line was cancelled, in the cancellation record, when staff cancel it from the console. */
    static final String STAFF_REASON = "cancelled by staff";
    static final CancellationChannel VIA = CancellationChannel.CONSOLE;
    /**
     * The field the page that asks before a cancel sends ({@link CancelQuestion}): a cancel without it shows that page and
     * changes nothing. htmx's own confirmation (the backorder queue's) sends it too.
     */
    static final String CONFIRM_FIELD = "confirm";
    /** Lines on the new purchase order form. */
    static final int FORM_LINES = 5;
    /** What the new purchase order form says of a supplier no one created, in place of the API's way (POST /api/suppliers). */
    static final String NEW_SUPPLIER_ADVICE = " Choose one of the suppliers on record from the list, or tick 'New supplier (add it with this order)'"
            + " to add this one with the order.";
    /** The new purchase order form: a line left without SKU and units is skipped. */
    static final ConsoleForm PURCHASE_ORDER_FORM = new ConsoleForm("new-po", "The purchase order was not created", List.of(
            ConsoleForm.Field.of("supplier", "Supplier").advising(NEW_SUPPLIER_ADVICE),
            ConsoleForm.Field.of("new-supplier", "New supplier (add it with this order)"),
            ConsoleForm.Field.line("sku", "SKU of line " + ConsoleForm.LINE, "lines[].sku"),
            ConsoleForm.Field.line("quantity", "Units of line " + ConsoleForm.LINE, "lines[].quantity"),
            ConsoleForm.Field.line("expected", "Expected date of line " + ConsoleForm.LINE, "lines[].expectedDate")),
            List.of("sku", "quantity"));
    /**
     * A planning page's form of one supplier's suggestions: the boxes ticked, the units of each, one date and the
     * supplier (chosen, for products without one); {@code section} names the supplier's section the form was sent from.
     */
    static final ConsoleForm SUGGESTIONS_FORM = new ConsoleForm("suggestions", "The purchase order was not created", List.of(
            ConsoleForm.Field.of("section", "Suggestions of"),
            ConsoleForm.Field.ticks("sku", "Order"),
            ConsoleForm.Field.keyed("quantity-", "Units of " + ConsoleForm.KEY),
            ConsoleForm.Field.of("expected", "Expected date", "lines[].expectedDate"),
            ConsoleForm.Field.of("supplier", "Supplier").advising(" Choose one of the suppliers on record from the list.")), List.of());
    /** A purchase order page's receipt form: the units arriving on each open line. */
    static final ConsoleForm RECEIVE_FORM = new ConsoleForm("receive", "Nothing was received", List.of(
            ConsoleForm.Field.keyed("received-", "Units arriving on line " + ConsoleForm.KEY),
            ConsoleForm.Field.of("received", "Receive now", "lines")), List.of());

    private final Console console;
    private final Restock restock;
    private final ConsolePages pages;
    private final StockCountForm stockCount;

    ConsoleActions(Console console, Restock restock, ConsolePages pages) {
        this.console = console;
        this.restock = restock;
        this.pages = pages;
        this.stockCount = new StockCountForm(console, restock, pages);
    }

    void register(RoutesConfig routes) {
        routes.post("/console/orders/{id}/ship", console.page(this::ship));
        routes.get("/console/orders/{id}/cancel", console.page(ctx -> askBeforeCancelling(ctx, Optional.empty())));
        routes.post("/console/orders/{id}/cancel", console.page(this::cancelOrder));
        routes.get("/console/orders/{id}/lines/{lineNumber}/cancel", console.page(ctx -> askBeforeCancelling(ctx, Optional.of(pathInt(ctx, "lineNumber")))));
        routes.post("/console/orders/{id}/lines/{lineNumber}/cancel", console.page(this::cancelLine));
        routes.post("/console/orders/{id}/cancel-link", console.page(this::cancelLink));
        routes.post("/console/orders/{id}/lines/{lineNumber}/priority", console.page(this::reprioritize));
        routes.post("/console/purchase-orders", console.form(PURCHASE_ORDER_FORM, pages::purchaseOrders, this::createPurchaseOrder));
        routes.post("/console/purchase-orders/{id}/receive", console.form(RECEIVE_FORM, pages::purchaseOrder, this::receive));
        routes.post("/console/purchase-orders/{id}/close", console.page(ctx -> endPurchaseOrder(ctx, true)));
        routes.get("/console/purchase-orders/{id}/close", console.page(ctx -> askBeforeEndingPurchaseOrder(ctx, PurchaseOrder.Status.CLOSED)));
        routes.get("/console/purchase-orders/{id}/cancel", console.page(ctx -> askBeforeEndingPurchaseOrder(ctx, PurchaseOrder.Status.CANCELLED)));
        routes.post("/console/purchase-orders/{id}/cancel", console.page(ctx -> endPurchaseOrder(ctx, false)));
        routes.post("/console/offer-rules/{id}/pause", console.page(this::pauseRule));
        routes.post("/console/offer-rules/{id}/resume", console.page(this::resumeRule));
        routes.post("/console/skus/{sku}/count", console.form(StockCountForm.FORM, pages::skuPage, stockCount::record));
        routes.post("/console/planning/purchase-orders", console.form(SUGGESTIONS_FORM, pages::planning, this::orderSuggestions));
    }

    private void ship(Context ctx) {
        long id = ConsolePages.id(ctx);
        int before = shipped(restock.read(h -> restock.orders().find(h, id)));
        Order after = restock.inTransaction(h -> restock.orders().ship(h, id));
        int units = shipped(after) - before;
        console.done(ctx, "/console/orders/" + id, units == 0
                ? "Nothing in order " + id + " could ship: no line has all its open units reserved."
                : Format.plural(units, "unit") + " of order " + id + " shipped.");
    }

    private static int shipped(Order order) {
        return order.lines().stream().mapToInt(line -> line.quantities().shipped()).sum();
    }

    private static boolean confirmed(Context ctx) {
        return "yes".equals(ctx.formParam(CONFIRM_FIELD));
    }

    /** The page that says what cancelling the order (or one line of it) will do, with the button that does it. */
    private void askBeforeCancelling(Context ctx, Optional<Integer> lineNumber) {
        long id = ConsolePages.id(ctx);
        var loaded = restock.read(h -> {
            Order order = restock.orders().find(h, id);
            return Map.entry(order, restock.orders().payments(h, order));
        });
        Order order = loaded.getKey();
        if (lineNumber.isPresent() && order.lines().stream().noneMatch(line -> line.lineNumber() == lineNumber.get())) {
            throw new NotFound("lineNumber", "order " + id + " has no line " + lineNumber.get());
        }
        Map<String, String> names = new ConsoleQueries(restock).productNames(order.lines().stream().map(OrderLine::sku).toList());
        CancelQuestion question = CancelQuestion.order(order, lineNumber, names, loaded.getValue());
        // Asked from the backorder queue, the question leads back there (its form sends the queue's address).
        Optional<String> back = Console.consolePage(Optional.ofNullable(ctx.queryParam("back")).orElse(ctx.formParam("back")));
        console.render(ctx, "console/confirm-cancel.jte", "orders", Map.of("question", back.map(question::leadingBackTo).orElse(question)));
    }

    private void askBeforeEndingPurchaseOrder(Context ctx, PurchaseOrder.Status ending) {
        long id = ConsolePages.id(ctx);
        var loaded = restock.inTransaction(h -> Map.entry(restock.purchasing().find(h, id),
                restock.purchasing().whatEndingDoes(h, id, ending)));
        PurchaseOrder order = loaded.getKey();
        Map<String, String> names = new ConsoleQueries(restock).productNames(loaded.getValue().stream()
                .map(PurchasingCommands.WaitingMoved::sku).toList());
        console.render(ctx, "console/confirm-cancel.jte", "purchase-orders", Map.of("question",
                CancelQuestion.purchaseOrder(order, ending, loaded.getValue(), names)));
    }

    /**
     * A cancel sent without its confirmation asks first: the question page, or, for htmx (which would swap a whole page
     * into the row it replaces), a redirect to that page, whose address is the one the cancel was sent to.
     */
    private void askFirst(Context ctx, Runnable question) {
        if (ctx.header("HX-Request") != null) {
            ctx.header("HX-Redirect", ctx.path());
            return;
        }
        question.run();
    }

    /**
     * A confirmed cancel, in one transaction. Sent from a question page, it carries that page's one-time key: a second
     * "Yes, cancel" (a double click) shows what the first did, not a 409 for a cancel already done. Without a key (a
     * script, htmx's own confirmation) a repeat is refused, as it was, for what is left.
     */
    private String cancelOnce(Context ctx, String request, java.util.function.Function<org.jdbi.v3.core.Handle, String> command) {
        if (ctx.formParam(Console.ONCE_FIELD) == null) {
            return restock.inTransaction(command::apply);
        }
        return OnceKeys.onceSaid(restock, ctx, "console cancel " + console.staff(ctx).username(), request,
                "open the page again to see what is left to cancel", command);
    }

    private void cancelOrder(Context ctx) {
        if (!confirmed(ctx)) {
            askFirst(ctx, () -> askBeforeCancelling(ctx, Optional.empty()));
            return;
        }
        long id = ConsolePages.id(ctx);
        String message = cancelOnce(ctx, "cancel order " + id, h -> {
            var cancelled = restock.orders().cancelOpen(h, id, Optional.empty(), STAFF_REASON + " " + console.staff(ctx).username(), VIA);
            return "Order " + id + ": " + cancelledWords(h, cancelled.before(), cancelled.after());
        });
        console.done(ctx, "/console/orders/" + id, message);
    }

    private void cancelLine(Context ctx) {
        long id = ConsolePages.id(ctx);
        int lineNumber = pathInt(ctx, "lineNumber");
        if (!confirmed(ctx)) {
            askFirst(ctx, () -> askBeforeCancelling(ctx, Optional.of(lineNumber)));
            return;
        }
        String message = cancelOnce(ctx, "cancel order " + id + " line " + lineNumber, h -> {
            var cancelled = restock.orders().cancelOpen(h, id, Optional.of(lineNumber), STAFF_REASON + " " + console.staff(ctx).username(), VIA);
            return "Order " + id + " line " + lineNumber + ": " + cancelledWords(h, cancelled.before(), cancelled.after());
        });
        // Back to the page it was asked from (the queue, whose places are then read afresh), else the order's page.
        console.done(ctx, Console.consolePage(ctx.formParam("back")).orElse("/console/orders/" + id), message);
    }

    /**
     * "2 × Silk Fan cancelled; the customer was not charged" for each line whose cancelled units grew, or that nothing
     * changed; the customer's cancel page says the same of each line ({@link ChargeWords}).
     */
    private String cancelledWords(org.jdbi.v3.core.Handle h, Order before, Order after) {
        Map<String, String> names = new ConsoleQueries(restock).productNames(h, after.lines().stream().map(OrderLine::sku).toList());
        Map<Long, LinePayment> payments = restock.orders().payments(h, after);
        List<String> parts = new ArrayList<>();
        for (OrderLine line : after.lines()) {
            int was = before.lines().stream().filter(l -> l.id() == line.id()).mapToInt(l -> l.quantities().cancelled()).sum();
            int now = line.quantities().cancelled() - was;
            if (now > 0) {
                parts.add(Format.count(now) + " × " + names.get(line.sku().code()) + " cancelled; "
                        + ChargeWords.forStaff(CancelledCharge.of(Optional.ofNullable(payments.get(line.id()))), now));
            }
        }
        return parts.isEmpty() ? "nothing was left to cancel." : String.join("; ", parts) + ".";
    }

    private void reprioritize(Context ctx) {
        long id = ConsolePages.id(ctx);
        int lineNumber = pathInt(ctx, "lineNumber");
        String value = ctx.formParam("priority");
        if (value == null || !value.matches("[0-9]")) {
            throw new InvalidInput("priority", "priority is a digit from 0 to " + OrderRequest.MAX_PRIORITY);
        }
        int priority = Integer.parseInt(value);
        Order after = restock.inTransaction(h -> restock.orders().reprioritize(h, id, lineNumber, priority));
        OrderLine line = after.lines().stream().filter(l -> l.lineNumber() == lineNumber).findFirst().orElseThrow();
        int place = new ConsoleQueries(restock).backorderQueue(java.util.Optional.of(line.sku())).stream()
                .filter(q -> q.orderId() == id && q.lineNumber() == lineNumber).mapToInt(ConsoleRows.QueueLine::place).findFirst().orElse(0);
        String back = Console.consolePage(ctx.formParam("back")).orElse("/console/orders/" + id);
        console.done(ctx, back, "Order " + id + " line " + lineNumber + " now has priority " + priority
                + (place > 0 ? ": place " + place + " in the queue for " + line.sku().code() + "." : "."));
    }

    private void cancelLink(Context ctx) {
        long id = ConsolePages.id(ctx);
        var link = restock.read(h -> restock.cancelLinks().createForWaitingItems(h, id));
        console.done(ctx, "/console/orders/" + id + "?link=" + link.token(), "Cancel link for the customer made (works until "
                + Format.moment(link.expiresAt()) + "): copy it below and send it to the customer.");
    }

    private void createPurchaseOrder(Context ctx) {
        if (ctx.formParams("sku").size() > PurchaseOrderRequest.MAX_LINES) {
            throw new InvalidInput("lines", "a purchase order has at most " + PurchaseOrderRequest.MAX_LINES + " lines");
        }
        // Every field is read before the form is refused, so it comes back with all that is wrong at once.
        FormErrors errors = new FormErrors();
        Optional<String> supplier = errors.read(() -> text(ctx, "supplier"));
        List<Map<String, String>> formLines = PURCHASE_ORDER_FORM.lines(ctx);
        // A date left blank is expected after the named supplier's lead time, the rule the page's dates are filled in with.
        Optional<LocalDate> whenBlank = supplier.filter(named -> formLines.stream().anyMatch(line -> blank(line.get("expected"))))
                .map(pages::defaultExpected);
        // Named as the API names them (lines[0].quantity): the form shows each refusal at its field, in its own words.
        List<Optional<PurchaseOrderRequest.Line>> read = new ArrayList<>();
        for (Map<String, String> line : formLines) {
            String field = "lines[" + read.size() + "].";
            Optional<Sku> sku = errors.read(() -> sku(field + "sku", line.get("sku")));
            Optional<Integer> units = errors.read(() -> FormNumbers.ORDERED.read(field + "quantity", line.get("quantity")));
            // The command's own rule for a date, asked here too so that a past date is told with the rest.
            Optional<LocalDate> expected = blank(line.get("expected")) ? whenBlank : errors.read(() -> {
                LocalDate date = date(field + "expectedDate", line.get("expected"));
                PurchaseOrderRequest.requireExpectedFrom(field + "expectedDate", date, restock.books().today());
                return date;
            });
            read.add(sku.isPresent() && units.isPresent() && expected.isPresent()
                    ? Optional.of(new PurchaseOrderRequest.Line(sku.get(), units.get(), expected.get())) : Optional.empty());
        }
        if (formLines.isEmpty()) {
            errors.add(new InvalidInput("lines", "enter at least one line: a SKU, its units and the date they are expected"));
        }
        errors.refuseIfAny();
        List<PurchaseOrderRequest.Line> lines = read.stream().map(Optional::orElseThrow).toList();
        // The box says the supplier is new; without it a name no supplier has is refused with the closest one.
        PurchaseOrderRequest request = new PurchaseOrderRequest(supplier.orElseThrow(), ctx.formParam("new-supplier") != null, lines);
        PurchaseOrder created = once(ctx, request);
        console.done(ctx, "/console/purchase-orders/" + created.id(), "Purchase order " + created.id() + " to " + created.supplier()
                + " created with " + Format.plural(created.lines().size(), "line") + ".");
    }

    private void receive(Context ctx) {
        long id = ConsolePages.id(ctx);
        PurchaseOrder order = restock.read(h -> restock.purchasing().find(h, id));
        List<ReceiptPlan.Received> received = new ArrayList<>();
        for (PurchaseOrder.Line line : order.lines()) {
            String value = ctx.formParam("received-" + line.lineNumber());
            int units = value == null || value.isBlank() ? 0 : FormNumbers.ARRIVING.read("received-" + line.lineNumber(), value);
            if (units > 0) {
                received.add(new ReceiptPlan.Received(line.sku(), units));
            }
        }
        if (received.isEmpty()) {
            throw new InvalidInput("received", "enter how many units arrived on at least one line");
        }
        // Once per form: a receipt sent twice recorded the units twice, phantom stock that filled waiting orders (an outside check).
        int units = received.stream().mapToInt(ReceiptPlan.Received::quantity).sum();
        String message = OnceKeys.onceSaid(restock, ctx, "console receipt " + console.staff(ctx).username(), "receipt " + id + " " + received,
                "reload the page to receive more", h -> {
                    PurchasingCommands.Receipt receipt = restock.purchasing().receiveAndSay(h, id, received);
                    return ReceiptWords.after(id, units, receipt.filled());
                });
        console.done(ctx, "/console/purchase-orders/" + id, message);
    }

    private void endPurchaseOrder(Context ctx, boolean close) {
        if (!confirmed(ctx)) {
            // Closing short withdraws the supply as cancelling does: both ask first (closing used to act on one click).
            askFirst(ctx, () -> askBeforeEndingPurchaseOrder(ctx, close ? PurchaseOrder.Status.CLOSED : PurchaseOrder.Status.CANCELLED));
            return;
        }
        long id = ConsolePages.id(ctx);
        String message = cancelOnce(ctx, (close ? "close" : "cancel") + " purchase order " + id, h -> {
            PurchasingCommands.Ended ended = restock.purchasing().end(h, id, close ? PurchaseOrder.Status.CLOSED : PurchaseOrder.Status.CANCELLED);
            return "Purchase order " + id + (close ? " closed: its open units no longer count as incoming." : " cancelled.")
                    + WaitingWords.after(ended.waiting());
        });
        console.done(ctx, "/console/purchase-orders/" + id, message);
    }

    private void pauseRule(Context ctx) {
        long id = ConsolePages.id(ctx);
        restock.inTransaction(h -> {
            restock.offers().pause(h, id);
            return null;
        });
        console.done(ctx, "/console/waitlists", "Offer rule " + id + " paused: it issues no more codes; codes already sent stay valid.");
    }

    /**
     * Turns a paused rule on again (the console could pause a rule and not undo it: an outside check), pausing the active
     * rule of its kind as turning one on does. Once per form: a double click says the second send did nothing more.
     */
    private void resumeRule(Context ctx) {
        long id = ConsolePages.id(ctx);
        String message = OnceKeys.onceSaid(restock, ctx, "console resume offer rule " + console.staff(ctx).username(), "resume offer rule " + id,
                "reload the page to see the rules as they are now", h -> "Offer rule " + id + " resumed: it issues codes again."
                        + restock.offers().resume(h, id).map(paused -> " Offer rule " + paused + ", the active one of its kind, was paused: "
                        + "one rule of each kind is active at a time; codes it sent stay valid.").orElse(""));
        console.done(ctx, "/console/waitlists", message);
    }

    /** The planning page's form for one supplier: the ticked suggestions become one purchase order. */
    private void orderSuggestions(Context ctx) {
        // A date left blank is expected after the supplier's lead time, as on the new purchase order form.
        LocalDate expected = blank(ctx.formParam("expected")) ? pages.defaultExpected(text(ctx, "supplier")) : date("expected", ctx.formParam("expected"));
        List<PurchaseOrderRequest.Line> lines = new ArrayList<>();
        for (String sku : ctx.formParams("sku")) {
            lines.add(new PurchaseOrderRequest.Line(Sku.of(sku), FormNumbers.ORDERED.read("quantity-" + sku, ctx.formParam("quantity-" + sku)), expected));
        }
        if (lines.isEmpty()) {
            throw new InvalidInput("sku", "tick at least one suggestion to order");
        }
        // The planner's suppliers are on record (a SKU without one is grouped under a label, not a name, and is refused).
        PurchaseOrderRequest request = new PurchaseOrderRequest(text(ctx, "supplier"), false, lines);
        PurchaseOrder created = once(ctx, request);
        console.done(ctx, "/console/purchase-orders/" + created.id(), "Purchase order " + created.id() + " to " + created.supplier()
                + " created from " + Format.plural(lines.size(), "suggestion") + ".");
    }

    /**
     * Creates the purchase order once per form: under the page's one-time key (the idempotency table the API's
     * Idempotency-Key uses), a form sent again gets the purchase order the first one made.
     */
    private PurchaseOrder once(Context ctx, PurchaseOrderRequest request) {
        String id = OnceKeys.once(restock, ctx, "console purchase order " + console.staff(ctx).username(), request.toString(),
                "reload the page to make another purchase order", h -> Long.toString(restock.purchasing().create(h, request).id()));
        return restock.read(h -> restock.purchasing().find(h, Long.parseLong(id)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInput(name, name + " is required");
        }
        return value.strip();
    }

    private static Sku sku(String field, String value) {
        try {
            return Sku.of(value.strip());
        } catch (InvalidInput e) {
            throw new InvalidInput(field, e.getMessage());
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return CalendarLimits.require(field, LocalDate.parse(value == null ? "" : value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, field + " must be a date (YYYY-MM-DD), was '" + value + "'");
        }
    }

    private static int pathInt(Context ctx, String name) {
        String value = ctx.pathParam(name);
        if (!value.matches("[0-9]{1,6}")) {
            throw new NotFound(name, "no line numbered '" + value + "'");
        }
        return Integer.parseInt(value);
    }
}
