package restock.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import restock.inventory.StockLevel;
import restock.catalog.Product;
import restock.engagement.RedeemedCode;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.payments.LinePayment;
import restock.payments.OrderPayment;
import restock.purchasing.PurchaseOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON shapes the API answers with; openapi.yaml describes the same. */
final class Views {
    private Views() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProductView(String sku, String name, long priceMinor, String currency, String backorderPolicy, Integer backorderCap,
                       LocalDate releaseDate, boolean discontinued, @JsonInclude(JsonInclude.Include.NON_NULL) String imageUrl,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String brand, @JsonInclude(JsonInclude.Include.NON_NULL) String gtin,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String mpn) {
        static ProductView of(Product product) {
            var cap = product.backorderPolicy().cap();
            var listing = product.listing();
            return new ProductView(product.sku().code(), product.name(), product.price().amountMinor(), product.price().currency(),
                    product.backorderPolicy().code(), cap.isPresent() ? cap.getAsInt() : null,
                    product.lifecycle().releaseDate().orElse(null), product.lifecycle().discontinued(), listing.imageUrl().orElse(null),
                    listing.brand().orElse(null), listing.gtin().orElse(null), listing.mpn().orElse(null));
        }
    }

    record EtaView(LocalDate from, LocalDate to, double probability) {
        static EtaView of(restock.promise.Promise promise) {
            return new EtaView(promise.from(), promise.to(), restock.promise.Promise.shown(promise.probability()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AvailabilityView(String sku, int quantity, String status, int available, int orderable, EtaView eta, String note, String message) {
        static AvailabilityView of(restock.service.AvailabilityQueries.Answer answer) {
            var a = answer.availability();
            return new AvailabilityView(answer.sku().code(), answer.quantity(), a.status().code(), a.available(),
                    answer.decision().reserved() + answer.decision().waiting(), a.eta().map(EtaView::of).orElse(null),
                    a.note().orElse(null), a.message());
        }
    }

    record StockView(String sku, int onHand, int reserved, int available, int incoming, int backordered) {
        static StockView of(StockLevel level) {
            return new StockView(level.sku().code(), level.onHand(), level.reserved(), level.available(), level.incoming(), level.backordered());
        }
    }

    record NamedStockView(String name, @com.fasterxml.jackson.annotation.JsonUnwrapped StockView stock) {
    }

    /** One page of a list; {@code next} is the cursor for the following page, absent on the last. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page<T>(List<T> items, String next) {
    }

    record PaymentView(String state, long amountMinor, String currency) {
        static PaymentView of(LinePayment payment) {
            return new PaymentView(payment.state().code(), payment.amountMinor(), payment.currency());
        }
    }

    /**
     * The answer to paying through a pay link: the new method is not charged in this call but by the next payment pass,
     * so the answer says the charge is pending and how its outcome arrives (a shop read {@code awaiting_fill} as
     * nothing done, and a declined card's failure came only later by webhook).
     */
    record PayLinkView(String state, long amountMinor, String currency, String charge, String next) {
        static PayLinkView of(LinePayment payment) {
            return new PayLinkView(payment.state().code(), payment.amountMinor(), payment.currency(), "pending",
                    "the new payment method is charged by Restock's next payment pass, within a few seconds, not in this call: "
                            + "the outcome comes as the payment.charged or payment.charge_failed webhook and in the line's payment in "
                            + "GET /api/orders/{id}; until it is charged, and after a decline, this link takes another payment method");
        }
    }

    /** What the order's discount code took off a line: per unit, before and after, and over the units accepted when it was placed. */
    record LineDiscountView(long unitPriceMinor, long unitDiscountMinor, long unitPriceAfterDiscountMinor, int units, long discountMinor,
                            String currency) {
        static LineDiscountView of(RedeemedCode.LineDiscount line) {
            return new LineDiscountView(line.unitPriceMinor(), line.unitDiscountMinor(), line.unitPriceAfterDiscountMinor(), line.units(),
                    line.discountMinor(), line.currency());
        }
    }

    /** The discount code redeemed on an order: the lines it applied to carry what it took off each. */
    record DiscountView(String code, int percentOff) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderLineView(int lineNumber, String sku, int quantity, int reserved, int backordered, int refused, int shipped,
                         int cancelled, String status, String refusalReason, EtaView promise, PaymentView payment, LineDiscountView discount) {
        static OrderLineView of(OrderLine line, Map<Long, LinePayment> payments, Map<Long, RedeemedCode.LineDiscount> discounts) {
            var q = line.quantities();
            LinePayment payment = payments.get(line.id());
            RedeemedCode.LineDiscount discount = discounts.get(line.id());
            return new OrderLineView(line.lineNumber(), line.sku().code(), q.quantity(), q.reserved(), q.waiting(), q.refused(),
                    q.shipped(), q.cancelled(), line.state().code(), line.refusalReason().orElse(null),
                    line.promise().map(EtaView::of).orElse(null), payment == null ? null : PaymentView.of(payment),
                    discount == null ? null : LineDiscountView.of(discount));
        }
    }

    /**
     * An order; {@code refusedUnits} says at a glance what its status does not: units refused when it was placed are not
     * open, so an order refused in part is ready (or backordered) by the rest, and read as all ready (an outside check).
     * {@code cancelLink} only on the answer to placing it, when something waits: the link the storefront shows the
     * shopper on its confirmation page (the one who placed the order is the one who gets it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderView(long id, String status, int refusedUnits, String payment, String customerEmail, int priority, Instant placedAt,
                     DiscountView discount, List<OrderLineView> lines, CancelLinkView cancelLink) {
        static OrderView of(Order order, Map<Long, LinePayment> payments, java.util.Optional<RedeemedCode> redeemed) {
            String payment = OrderPayment.of(payments.values().stream().map(LinePayment::state).toList())
                    .map(OrderPayment::code).orElse(null);
            int refused = order.lines().stream().mapToInt(line -> line.quantities().refused()).sum();
            Map<Long, RedeemedCode.LineDiscount> discounts = new java.util.HashMap<>();
            redeemed.ifPresent(code -> code.lines().forEach(line -> discounts.put(line.orderLineId(), line)));
            return new OrderView(order.id(), order.status().code(), refused, payment, order.customerEmail(), order.priority(),
                    order.placedAt(), redeemed.map(code -> new DiscountView(code.code(), code.percentOff())).orElse(null),
                    order.lines().stream().map(line -> OrderLineView.of(line, payments, discounts)).toList(), null);
        }

        OrderView withCancelLink(CancelLinkView link) {
            return new OrderView(id, status, refusedUnits, payment, customerEmail, priority, placedAt, discount, lines, link);
        }
    }

    /** A signed, single-use link a customer opens to cancel what still waits, free of charge, and until when it works. */
    record CancelLinkView(String url, Instant expiresAt) {
        static CancelLinkView of(String publicUrl, restock.service.CancelLinks.Link link) {
            return new CancelLinkView(publicUrl + "/cancel/" + link.token(), link.expiresAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PurchaseOrderLineView(int lineNumber, String sku, int quantity, int quantityReceived, LocalDate expectedDate,
                                 Instant firstReceivedAt, Instant lastReceivedAt) {
        static PurchaseOrderLineView of(PurchaseOrder.Line line) {
            return new PurchaseOrderLineView(line.lineNumber(), line.sku().code(), line.quantityOrdered(), line.quantityReceived(),
                    line.expectedDate(), line.firstReceivedAt().orElse(null), line.lastReceivedAt().orElse(null));
        }
    }

    record PurchaseOrderView(long id, String supplier, String status, Instant createdAt, List<PurchaseOrderLineView> lines) {
        static PurchaseOrderView of(PurchaseOrder order) {
            return new PurchaseOrderView(order.id(), order.supplier(), order.status().code(), order.createdAt(),
                    order.lines().stream().map(PurchaseOrderLineView::of).toList());
        }
    }
}
