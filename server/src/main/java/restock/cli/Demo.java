package restock.cli;

import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.orders.OrderRequest;
import restock.purchasing.PurchaseOrderRequest;
import restock.service.Restock;
import restock.store.SqlCatalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a demo shop derived from a real online retailer (see demo/README.md): some products in stock, some
 * waiting on open purchase orders with customers already queued, some out of stock. Loads once.
 */
public final class Demo {
    private static final int WEEKS_OF_COVER_IN_STOCK = 3;
    /** A saved card token the simulated gateway accepts. */
    private static final String DEMO_CARD = "pm_card_visa";

    private Demo() {
    }

    record DemoProduct(Product product, int weeklyUnits, String situation) {
    }

    public static boolean loadIfEmpty(Restock restock) {
        boolean empty = restock.read(h -> SqlCatalog.listProducts(h, 1, "").isEmpty());
        if (!empty) {
            return false;
        }
        List<DemoProduct> products = readProducts();
        LocalDate today = LocalDate.ofInstant(restock.clock().instant(), ZoneOffset.UTC);
        restock.inTransaction(h -> {
            int customer = 0;
            for (DemoProduct demo : products) {
                Sku sku = demo.product().sku();
                restock.catalog().create(h, demo.product());
                switch (demo.situation()) {
                    case "in_stock" -> {
                        restock.stock().count(h, sku, demo.weeklyUnits() * WEEKS_OF_COVER_IN_STOCK, "demo opening stock");
                        customer++;
                        restock.orders().place(h, new OrderRequest("customer" + customer + "@example.com", true, 0,
                                List.of(new OrderRequest.Line(sku, Math.max(1, demo.weeklyUnits() / 20))), Optional.of(DEMO_CARD)));
                    }
                    case "awaiting_po" -> {
                        restock.purchasing().create(h, new PurchaseOrderRequest("Hangzhou Giftware Co.",
                                List.of(new PurchaseOrderRequest.Line(sku, demo.weeklyUnits() * 4, today.plusDays(12)))));
                        for (int i = 0; i < 3; i++) {
                            customer++;
                            restock.orders().place(h, new OrderRequest("customer" + customer + "@example.com", true, 0,
                                    List.of(new OrderRequest.Line(sku, Math.max(1, demo.weeklyUnits() / 10))), Optional.of(DEMO_CARD)));
                        }
                    }
                    default -> { } // out of stock: no stock, nothing incoming
                }
            }
            return null;
        });
        return true;
    }

    static List<DemoProduct> readProducts() {
        var stream = Objects.requireNonNull(Demo.class.getResourceAsStream("/demo/products.csv"), "demo/products.csv missing");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<DemoProduct> products = new ArrayList<>();
            List<Csv.Line> rows = Csv.parse(reader);
            for (Csv.Line line : rows.subList(1, rows.size())) {
                List<String> row = line.cells();
                BackorderPolicy policy = row.get(6).equals("out_of_stock") ? new BackorderPolicy.Never() : new BackorderPolicy.WhenSupplyConfirmed();
                Product product = new Product(Sku.of(row.get(0)), row.get(1), new Money(Long.parseLong(row.get(2)), row.get(3)), policy);
                products.add(new DemoProduct(product, Integer.parseInt(row.get(4)), row.get(6)));
            }
            return products;
        } catch (IOException e) {
            throw new IllegalStateException("could not read demo/products.csv", e);
        }
    }
}
