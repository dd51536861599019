package restock.model;

import restock.allocation.Admission;
import restock.catalog.Sku;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.orders.OrderRequest;
import restock.promise.AvailabilityStatus;
import restock.promise.Promise;
import restock.service.AvailabilityQueries;
import restock.store.Database;
import restock.support.Invariants;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model and the real shop side by side. Each step is one command, sent to both (parameters are picked by index,
 * modulo what exists, so any sequence is valid); after every step {@link #check()} compares, for every SKU and
 * several quantities, the availability answer, the outcome of an order placed now, the feed row and the stock
 * figures with the model and with each other.
 */
final class World {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final int MAX_PRODUCTS = 4;
    static final List<String> SUPPLIERS = List.of("Prompt Ltd", "Late Ltd", "New Ltd");
    static final List<String> CUSTOMERS = List.of("ann", "bob", "cat");
    static final List<Integer> QUANTITIES = List.of(1, 2, 5);
    static final double PROBABILITY_TOLERANCE = 1e-9;

    final ReferenceModel model = new ReferenceModel(START);
    final ShopUnderTest shop;
    private final List<Long> modelOrders = new ArrayList<>();
    private final List<Long> modelPurchaseOrders = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private int steps;
    /** The step count at the last check (-1: none yet). */
    private int checkedAfterStep = -1;

    World(Database database) {
        this.shop = new ShopUnderTest(database, START);
    }

    int steps() {
        return steps;
    }

    private List<String> skus() {
        return List.copyOf(model.products.keySet());
    }

    private Optional<String> sku(int index) {
        List<String> skus = skus();
        return skus.isEmpty() ? Optional.empty() : Optional.of(skus.get(Math.floorMod(index, skus.size())));
    }

    private void step(String description) {
        steps++;
        log.add(description);
    }

    private static void agree(String what, boolean modelAccepted, boolean shopAccepted) {
        assertThat(shopAccepted).as("%s: the model %s it", what, modelAccepted ? "accepts" : "refuses").isEqualTo(modelAccepted);
    }

    // ---- commands ----

    void createProduct(int policy, int cap, int release) {
        if (model.products.size() >= MAX_PRODUCTS) {
            return;
        }
        String sku = "SKU-" + (model.products.size() + 1);
        ReferenceModel.Policy p = ReferenceModel.Policy.values()[Math.floorMod(policy, 3)];
        Integer backorderCap = p == ReferenceModel.Policy.ALWAYS && cap % 2 == 0 ? Math.floorMod(cap, 7) : null;
        LocalDate releaseDate = switch (Math.floorMod(release, 4)) {
            case 0 -> model.today().plusDays(3 + Math.floorMod(release, 9));
            case 1 -> model.today().minusDays(5);
            default -> null;
        };
        step("create " + sku + " " + p + " cap " + backorderCap + " release " + releaseDate);
        model.createProduct(sku, p, backorderCap, releaseDate);
        shop.createProduct(sku, p, backorderCap, releaseDate);
    }

    void discontinue(int skuIndex) {
        sku(skuIndex).ifPresent(sku -> {
            step("discontinue " + sku);
            model.discontinue(sku);
            shop.discontinue(sku);
        });
    }

    void adjust(int skuIndex, int delta) {
        if (delta == 0) {
            return;
        }
        sku(skuIndex).ifPresent(sku -> {
            step("adjust " + sku + " by " + delta);
            agree("adjust", model.adjust(sku, delta), shop.adjust(sku, delta));
        });
    }

    void count(int skuIndex, int counted) {
        sku(skuIndex).ifPresent(sku -> {
            step("count " + sku + " " + counted);
            agree("count", model.count(sku, counted), shop.count(sku, counted));
        });
    }

    void returnToStock(int skuIndex, int quantity) {
        sku(skuIndex).ifPresent(sku -> {
            step("return " + quantity + " " + sku);
            model.returnToStock(sku, quantity);
            shop.returnToStock(sku, quantity);
        });
    }

    void purchaseOrder(int supplier, int skuIndex, int quantity, int expectedInDays) {
        sku(skuIndex).ifPresent(sku -> {
            String name = SUPPLIERS.get(Math.floorMod(supplier, SUPPLIERS.size()));
            LocalDate expected = model.today().plusDays(expectedInDays);
            step("purchase order " + quantity + " " + sku + " from " + name + " expected " + expected);
            Optional<Long> id = model.createPurchaseOrder(name, sku, quantity, expected);
            agree("purchase order", id.isPresent(), shop.purchaseOrder(id.orElse(-1L), name, sku, quantity, expected));
            id.ifPresent(modelPurchaseOrders::add);
        });
    }

    private Optional<ReferenceModel.PurchaseLine> purchaseLine(int index) {
        if (modelPurchaseOrders.isEmpty()) {
            return Optional.empty();
        }
        long id = modelPurchaseOrders.get(Math.floorMod(index, modelPurchaseOrders.size()));
        return model.purchaseLines.values().stream().filter(l -> l.purchaseOrderId == id).findFirst();
    }

    void receive(int purchaseOrder, int quantity) {
        purchaseLine(purchaseOrder).ifPresent(line -> {
            step("receive " + quantity + " on purchase order " + line.purchaseOrderId);
            agree("receive", model.receive(line.id, quantity), shop.receive(line.purchaseOrderId, line.sku, quantity));
        });
    }

    void closePurchaseOrder(int purchaseOrder, boolean cancel) {
        purchaseLine(purchaseOrder).ifPresent(line -> {
            step((cancel ? "cancel" : "close") + " purchase order " + line.purchaseOrderId);
            if (cancel) {
                agree("cancel purchase order", model.cancelPurchaseOrder(line.id), shop.cancelPurchaseOrder(line.purchaseOrderId));
            } else {
                agree("close purchase order", model.close(line.id), shop.close(line.purchaseOrderId));
            }
        });
    }

    void reschedule(int purchaseOrder, int inDays) {
        purchaseLine(purchaseOrder).ifPresent(line -> {
            LocalDate expected = model.today().plusDays(inDays);
            step("reschedule purchase order " + line.purchaseOrderId + " to " + expected);
            assertThat(shop.reschedule(line.purchaseOrderId, expected)).as("reschedule").isEqualTo(model.reschedule(line.id, expected));
        });
    }

    void place(int customer, int priority, boolean allowPartial, int skuIndex, int quantity, int secondSku, int secondQuantity) {
        Optional<String> first = sku(skuIndex);
        if (first.isEmpty()) {
            return;
        }
        String who = CUSTOMERS.get(Math.floorMod(customer, CUSTOMERS.size()));
        List<ReferenceModel.Requested> requested = new ArrayList<>(List.of(new ReferenceModel.Requested(first.get(), quantity)));
        if (secondQuantity > 0) {
            requested.add(new ReferenceModel.Requested(sku(secondSku).orElseThrow(), secondQuantity));
        }
        step(who + " orders " + requested + " priority " + priority + (allowPartial ? "" : " whole or nothing"));
        long orderId = model.place(who, priority, allowPartial, requested);
        modelOrders.add(orderId);
        List<ReferenceModel.Line> expected = model.lines.values().stream().filter(l -> l.orderId == orderId).toList();
        Order order = shop.place(orderId, expected.stream().map(l -> l.id).toList(), who, priority, allowPartial, requested);
        for (int i = 0; i < expected.size(); i++) {
            ReferenceModel.Line line = expected.get(i);
            OrderLine real = order.lines().get(i);
            // The order's outcome as placed (fills since are compared with the lines after the step).
            assertThat(real.quantities().refused()).as("refused units of %s", real.sku()).isEqualTo(line.refused);
        }
    }

    private Optional<Long> order(int index) {
        return modelOrders.isEmpty() ? Optional.empty() : Optional.of(modelOrders.get(Math.floorMod(index, modelOrders.size())));
    }

    void cancelOrder(int index) {
        order(index).ifPresent(id -> {
            step("cancel order " + id);
            agree("cancel order", model.cancelLines(id, line -> true), shop.cancelOrder(id));
        });
    }

    void cancelLine(int index, int lineNumber) {
        order(index).ifPresent(id -> {
            List<ReferenceModel.Line> lines = model.lines.values().stream().filter(l -> l.orderId == id).toList();
            int number = 1 + Math.floorMod(lineNumber, lines.size());
            long lineId = lines.get(number - 1).id;
            step("cancel line " + number + " of order " + id);
            agree("cancel line", model.cancelLines(id, line -> line.id == lineId), shop.cancelLine(id, number));
        });
    }

    void reprioritize(int index, int lineNumber, int priority) {
        order(index).ifPresent(id -> {
            List<ReferenceModel.Line> lines = model.lines.values().stream().filter(l -> l.orderId == id).toList();
            int number = 1 + Math.floorMod(lineNumber, lines.size());
            long lineId = lines.get(number - 1).id;
            step("line " + number + " of order " + id + " to priority " + priority);
            agree("reprioritize", model.reprioritize(lineId, priority), shop.reprioritize(id, number, priority));
        });
    }

    void ship(int index) {
        order(index).ifPresent(id -> {
            step("ship order " + id);
            agree("ship", model.ship(id), shop.ship(id));
        });
    }

    void signUp(int customer, int skuIndex, int quantity) {
        sku(skuIndex).ifPresent(sku -> {
            String who = CUSTOMERS.get(Math.floorMod(customer, CUSTOMERS.size()));
            step(who + " joins the waitlist for " + quantity + " " + sku);
            agree("waitlist sign-up", model.signUp(who, sku, quantity), shop.signUp(who, sku, quantity));
        });
    }

    void noticePass() {
        step("notice pass");
        model.noticePass();
        shop.noticePass();
    }

    void pass(Duration duration) {
        step(duration.toHours() + " hours pass");
        model.pass(duration);
        shop.pass(duration);
    }

    /**
     * A supplier's record, in one step: purchase orders of one unit, each due the next day; on its due day the supplier
     * moves each by its slip (when not zero) and it arrives on the new date. Five of them give the supplier a learned
     * lateness, which the date first confirmed and the moved date tell apart (histories rarely had five receipts of one
     * supplier, so neither the learning nor which date it counts from was compared).
     */
    void supplierRecord(int supplier, int skuIndex, List<Integer> slips) {
        sku(skuIndex).ifPresent(sku -> {
            String name = SUPPLIERS.get(Math.floorMod(supplier, SUPPLIERS.size()));
            step("record of " + name + ": " + slips.size() + " purchase orders of 1 " + sku + ", each moved on its due day by " + slips + " days");
            for (int slip : slips) {
                LocalDate due = model.today().plusDays(1);
                Optional<Long> id = model.createPurchaseOrder(name, sku, 1, due);
                agree("purchase order", id.isPresent(), shop.purchaseOrder(id.orElse(-1L), name, sku, 1, due));
                if (id.isEmpty()) {
                    return;
                }
                modelPurchaseOrders.add(id.get());
                ReferenceModel.PurchaseLine line = model.purchaseLines.values().stream()
                        .filter(l -> l.purchaseOrderId == id.get()).findFirst().orElseThrow();
                model.pass(Duration.ofDays(1));
                shop.pass(Duration.ofDays(1));
                if (slip > 0) {
                    LocalDate moved = model.today().plusDays(slip);
                    assertThat(shop.reschedule(line.purchaseOrderId, moved)).as("reschedule").isEqualTo(model.reschedule(line.id, moved));
                    model.pass(Duration.ofDays(slip));
                    shop.pass(Duration.ofDays(slip));
                }
                agree("receive", model.receive(line.id, 1), shop.receive(line.purchaseOrderId, line.sku, 1));
            }
        });
    }

    // ---- the comparison ----

    /**
     * After every step: the model, the availability answers, orders placed now, the feed and the figures agree. The
     * shop is read twice: the unlocked reads on one connection, then the locked books' decisions and the trial order
     * in one transaction that rolls back; then everything is compared.
     */
    void check() {
        List<String> skus = skus();
        // A transformer that found nothing to do (a fifth product, an adjustment by 0) sent nothing to either side:
        // the state is the one the last check compared, and the check would repeat it exactly (the trial order too,
        // picked by the step count), so it is not run again.
        if (skus.isEmpty() || checkedAfterStep == steps) {
            return;
        }
        checkedAfterStep = steps;
        try {
            List<OrderRequest.Line> items = new ArrayList<>();
            skus.forEach(sku -> QUANTITIES.forEach(q -> items.add(new OrderRequest.Line(Sku.of(sku), q))));
            // Once a step, the whole way through: an order of two lines placed, written and read back, then rolled
            // back, and the same two lines asked as a cart. Every other step its second line names the first's SKU
            // again, so the cart must answer it on what the first line left.
            String trialSku = skus.get(steps % skus.size());
            int trialQuantity = QUANTITIES.get(steps % QUANTITIES.size());
            List<ReferenceModel.Requested> trialLines = List.of(new ReferenceModel.Requested(trialSku, trialQuantity),
                    new ReferenceModel.Requested(steps % 2 == 0 ? trialSku : skus.get((steps / 2 + 1) % skus.size()),
                            QUANTITIES.get(steps / 3 % QUANTITIES.size())));
            ShopUnderTest.Reading reading = StepTimes.time("check/availability, feed, figures, lines", () -> shop.reading(items, trialLines));
            ShopUnderTest.UnderLock underLock = StepTimes.time("check/locked decision and trial order",
                    () -> shop.underLock(skus, QUANTITIES, trialLines));
            checkFigures(skus, reading.stock());
            checkLines(reading.lines());
            // The pick list holds the orders a shipment would send now, as the model's ship() decides them.
            List<Long> shippable = model.lines.values().stream().filter(l -> l.waiting == 0 && l.reserved > 0)
                    .map(l -> shop.realOrderId(l.orderId)).distinct().sorted().toList();
            assertThat(reading.toShip()).as("the pick list against the orders the model would ship").isEqualTo(shippable);
            // The model's answers, once a step: the availability answers, the locked books and the feed meet them.
            Map<String, ReferenceModel.Decision> modelSays = new java.util.HashMap<>();
            for (AvailabilityQueries.Answer answer : reading.answers()) {
                String sku = answer.sku().code();
                ReferenceModel.Decision expected = model.decide(sku, answer.quantity(), 0);
                modelSays.put(sku + "x" + answer.quantity(), expected);
                String what = "availability of " + answer.quantity() + " " + sku;
                assertDecision(what, expected, answer.decision());
                assertThat(answer.availability().status()).as(what + " status shown").isEqualTo(answer.decision().status());
                boolean waitsWhole = answer.decision().refused() == 0 && answer.decision().waiting() > 0;
                assertThat(answer.availability().eta()).as(what + " eta shown")
                        .isEqualTo(waitsWhole ? answer.decision().promise() : Optional.empty());
                checkMoreDueShown(what, expected, answer.availability());
                Admission decided = underLock.decisions().get(answer.sku()).get(QUANTITIES.indexOf(answer.quantity()));
                assertThat(decided).as("the decision for " + answer.quantity() + " " + sku + " on the locked book (the availability answer differs)")
                        .isEqualTo(answer.decision());
            }
            Admission answered = reading.answers().stream().filter(a -> a.sku().code().equals(trialSku) && a.quantity() == trialQuantity)
                    .findFirst().orElseThrow().decision();
            assertLine("an order for " + trialQuantity + " " + trialSku + " placed now", answered, underLock.trial().lines().get(0));
            for (int i = 0; i < trialLines.size(); i++) {
                assertLine("line " + (i + 1) + " of an order for " + trialLines + " placed now, against the cart's answer",
                        reading.cart().get(i).decision(), underLock.trial().lines().get(i));
            }
            checkFeed(reading.answers(), reading.feed(), modelSays);
            if (steps % 10 == 0) {
                StepTimes.time("check/invariants", () -> shop.read(h -> {
                    Invariants.check(h);
                    return null;
                }));
            }
        } catch (AssertionError disagreement) {
            throw new AssertionError(disagreement.getMessage() + "\nafter these steps:\n  " + String.join("\n  ", log), disagreement);
        }
    }

    private void checkFigures(List<String> skus, Map<String, int[]> stock) {
        for (String sku : skus) {
            int[] row = stock.get(sku);
            String what = "stock of " + sku;
            assertThat(row[0]).as(what + " on hand").isEqualTo(model.products.get(sku).onHand);
            assertThat(row[1]).as(what + " reserved").isEqualTo(model.reserved(sku));
            assertThat(row[2]).as(what + " backordered").isEqualTo(model.waiting(sku));
            assertThat(row[3]).as(what + " incoming").isEqualTo(model.incoming(sku));
        }
    }

    private void checkLines(Map<Long, int[]> real) {
        for (ReferenceModel.Line line : model.lines.values()) {
            int[] expected = {line.reserved, line.waiting, line.refused, line.shipped, line.cancelled};
            assertThat(real.get(shop.realLineId(line.id))).as("line %d of order %d (%s): reserved, waiting, refused, shipped, cancelled",
                    line.id, line.orderId, line.sku).containsExactly(expected);
        }
    }

    private static void assertDecision(String what, ReferenceModel.Decision expected, Admission actual) {
        assertThat(new int[] {actual.reserved(), actual.waiting(), actual.refused()}).as(what + ": reserved, waiting, refused")
                .containsExactly(expected.reserve(), expected.waiting(), expected.refused());
        assertThat(actual.status().name()).as(what + " status").isEqualTo(expected.status().name());
        assertPromise(what + " promise", expected.promise(), actual.promise());
        assertPromise(what + " more due", expected.moreDue(), actual.moreDue());
    }

    private static void assertPromise(String what, Optional<ReferenceModel.Promise> expected, Optional<Promise> actual) {
        assertThat(actual.isPresent()).as(what + " given").isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            Promise promise = actual.orElseThrow();
            ReferenceModel.Promise model = expected.get();
            assertThat(List.of(promise.from(), promise.to())).as(what + " dates").containsExactly(model.from(), model.to());
            assertThat(promise.probability()).as(what + " probability").isCloseTo(model.probability(),
                    org.assertj.core.data.Offset.offset(PROBABILITY_TOLERANCE));
        }
    }

    /**
     * An out-of-stock answer says when more is due exactly when the model has more due, in its message and its note,
     * whether some units can be ordered or none.
     */
    private void checkMoreDueShown(String what, ReferenceModel.Decision expected, restock.promise.Availability shown) {
        if (expected.status() != ReferenceModel.Status.OUT_OF_STOCK) {
            return;
        }
        String note = shown.note().orElse("");
        if (expected.moreDue().isEmpty()) {
            assertThat(List.of(shown.message(), note)).as(what + ": message and note with nothing more due").noneMatch(text -> text.contains("more is due"));
            return;
        }
        MORE_DUE_SHOWN.incrementAndGet();
        ReferenceModel.Promise due = expected.moreDue().get();
        String words = "more is due " + restock.promise.Availability.range(new Promise(due.from(), due.to(), due.probability(), Optional.empty()), model.today());
        assertThat(List.of(shown.message(), note)).as(what + ": message and note say when more is due").allMatch(text -> text.contains(words));
    }

    /** Out-of-stock answers that said when more is due, over the run: the comparison above is not of empties only. */
    static final java.util.concurrent.atomic.AtomicLong MORE_DUE_SHOWN = new java.util.concurrent.atomic.AtomicLong();

    private static void assertLine(String what, Admission answer, OrderLine line) {
        assertThat(new int[] {line.quantities().reserved(), line.quantities().waiting(), line.quantities().refused()})
                .as(what + ": reserved, waiting, refused (the availability answer said otherwise)")
                .containsExactly(answer.reserved(), answer.waiting(), answer.refused());
        assertThat(line.promise()).as(what + ": its promise (the availability answer's eta)").isEqualTo(answer.promise());
    }

    /** The feed row is the answer for one unit, in Merchant Center's words. */
    private void checkFeed(List<AvailabilityQueries.Answer> answers, List<Map<String, String>> rows,
                           Map<String, ReferenceModel.Decision> modelSays) {
        for (AvailabilityQueries.Answer answer : answers) {
            if (answer.quantity() != 1) {
                continue;
            }
            String sku = answer.sku().code();
            ReferenceModel.Decision expected = modelSays.get(sku + "x1");
            Optional<Map<String, String>> listed = rows.stream().filter(r -> r.get("id").equals(sku)).findFirst();
            if (expected.status() == ReferenceModel.Status.DISCONTINUED) {
                assertThat(listed).as("a discontinued product with nothing left to sell is left out of the feed: " + sku).isEmpty();
                continue;
            }
            Map<String, String> row = listed.orElseThrow(() -> new AssertionError("no feed row for " + sku));
            Optional<LocalDate> date = expected.promise().map(ReferenceModel.Promise::to).filter(to -> !to.isAfter(model.today().plusYears(1)));
            String availability = switch (expected.status()) {
                case IN_STOCK -> "in_stock";
                case BACKORDER -> date.isPresent() ? "backorder" : "out_of_stock";
                case PREORDER -> date.isPresent() ? "preorder" : "out_of_stock";
                case OUT_OF_STOCK, DISCONTINUED -> "out_of_stock";
            };
            assertThat(row.get("availability")).as("feed availability of " + sku).isEqualTo(availability);
            assertThat(Optional.ofNullable(row.get("availability_date"))).as("feed availability_date of " + sku)
                    .isEqualTo(availability.equals("backorder") || availability.equals("preorder")
                            ? date.map(d -> d + "T00:00+0000") : Optional.empty());
            assertThat(answer.decision().status() == AvailabilityStatus.IN_STOCK).isEqualTo(availability.equals("in_stock"));
        }
    }
}
