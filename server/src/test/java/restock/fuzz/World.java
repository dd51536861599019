package restock.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fuzzer knows exists in the running Restock: SKUs, orders, purchase orders, webhook URLs. Valid
 * requests name these, so they reach the code behind the 404s; ids are learned from successful answers.
 */
final class World {
    private final List<String> skus = new CopyOnWriteArrayList<>();
    private final List<Long> orderIds = new CopyOnWriteArrayList<>();
    private final List<Long> purchaseOrderIds = new CopyOnWriteArrayList<>();
    private final AtomicLong unique = new AtomicLong();

    void addSku(String sku) {
        if (!skus.contains(sku)) {
            skus.add(sku);
        }
    }

    String sku(Random random) {
        return skus.get(random.nextInt(skus.size()));
    }

    long orderId(Random random) {
        return orderIds.isEmpty() ? 1 : orderIds.get(random.nextInt(orderIds.size()));
    }

    long purchaseOrderId(Random random) {
        return purchaseOrderIds.isEmpty() ? 1 : purchaseOrderIds.get(random.nextInt(purchaseOrderIds.size()));
    }

    long next() {
        return unique.incrementAndGet();
    }

    /** Learns the ids a successful answer created: an order, a purchase order or a product. */
    void learn(String method, String pathTemplate, JsonNode answer) {
        if (!method.equals("POST") || answer == null || !answer.isObject()) {
            return;
        }
        switch (pathTemplate) {
            case "/api/orders" -> remember(orderIds, answer.path("id"));
            case "/api/purchase-orders" -> remember(purchaseOrderIds, answer.path("id"));
            case "/api/products" -> {
                if (answer.path("sku").isTextual()) {
                    addSku(answer.path("sku").asText());
                }
            }
            default -> { }
        }
    }

    private static void remember(List<Long> ids, JsonNode id) {
        if (id.isIntegralNumber() && !ids.contains(id.asLong())) {
            ids.add(id.asLong());
        }
    }
}
