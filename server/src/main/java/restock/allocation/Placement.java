package restock.allocation;

import restock.catalog.Sku;
import restock.orders.OrderRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides an order's lines against the books of its SKUs: reserve, wait or refuse each line.
 * When the order may not be accepted in part and any unit is refused, every line is refused and the books
 * are left as they were.
 */
public final class Placement {
    private Placement() {
    }

    /** The lines' admissions, in request order, and the books to persist (unchanged when refused whole). */
    public record Decision(List<Admission> admissions, Map<Sku, SkuBook> books) {
    }

    public static Decision decide(OrderRequest request, Map<Sku, SkuBook> books, List<Long> lineIds, Instant placedAt) {
        return decide(request, books, lineIds, placedAt, Map.of());
    }

    /** With the units the customer holds from back-in-stock notices, per SKU. */
    public static Decision decide(OrderRequest request, Map<Sku, SkuBook> books, List<Long> lineIds, Instant placedAt,
                                  Map<Sku, Integer> ownHolds) {
        if (lineIds.size() != request.lines().size()) {
            throw new IllegalStateException(lineIds.size() + " line ids for " + request.lines().size() + " lines");
        }
        Map<Sku, SkuBook> trial = new HashMap<>();
        books.forEach((sku, book) -> trial.put(sku, book.copy()));
        List<Admission> admissions = new ArrayList<>();
        Map<Sku, Integer> holdsLeft = new HashMap<>(ownHolds);
        for (int i = 0; i < request.lines().size(); i++) {
            OrderRequest.Line line = request.lines().get(i);
            SkuBook book = trial.get(line.sku());
            if (book == null) {
                throw new IllegalStateException("no book loaded for " + line.sku());
            }
            int hold = holdsLeft.getOrDefault(line.sku(), 0);
            admissions.add(book.admit(lineIds.get(i), request.priority(), placedAt, line.quantity(), hold));
            holdsLeft.put(line.sku(), Math.max(0, hold - line.quantity()));
        }
        boolean anyRefused = admissions.stream().anyMatch(admission -> admission.refused() > 0);
        if (anyRefused && !request.allowPartial()) {
            return new Decision(refuseWhole(request, admissions), books);
        }
        return new Decision(admissions, trial);
    }

    private static List<Admission> refuseWhole(OrderRequest request, List<Admission> admissions) {
        List<Admission> refused = new ArrayList<>();
        for (int i = 0; i < admissions.size(); i++) {
            Admission admission = admissions.get(i);
            String reason = admission.refusalReason()
                    .orElse("the order was refused whole because another line could not be accepted and allowPartial is false");
            refused.add(Admission.refusedWhole(request.lines().get(i).quantity(), reason));
        }
        return refused;
    }
}
