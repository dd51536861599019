package restock.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.client.ApiClient;
import restock.client.ApiException;
import restock.client.api.CatalogApi;
import restock.client.api.OrdersApi;
import restock.client.api.PurchaseOrdersApi;
import restock.client.api.StockApi;
import restock.client.api.StorefrontApi;
import restock.client.model.AdjustStockRequest;
import restock.client.model.Availability;
import restock.client.model.CartAvailability;
import restock.client.model.GetCartAvailabilityRequest;
import restock.client.model.NewPurchaseOrderLine;
import restock.client.model.CreatePurchaseOrderRequest;
import restock.client.model.Order;
import restock.client.model.OrderLine;
import restock.client.model.PlaceOrderRequest;
import restock.client.model.Problem;
import restock.client.model.Product;
import restock.client.model.ProductRequest;
import restock.client.model.PurchaseOrder;
import restock.client.model.SkuQuantity;
import restock.client.model.Stock;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The README's scenario through a client that openapi-generator made from openapi.yaml in this build, as a shop
 * would make one: products, stock, a purchase order, an order beyond stock, availability, a cancel, and errors
 * decoded into the generated {@link Problem}. The client's mapper fails on any property the spec does not declare
 * and on any enum value it does not list, so an answer that strays from the spec fails here, not in a shop.
 */
class GeneratedClientScenarioTest {
    private static final String SKU = "22423";
    private static RunningApi server;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        // One database is enough to check the client: the external one when CI names it, else the embedded one.
        server = new RunningApi(TestDatabases.external().orElseGet(() -> TestDatabases.targets().get(0)));
        client = client(RunningApi.API_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ApiClient client(String apiKey) {
        ObjectMapper strict = ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE, true);
        String baseUri = server.client().baseUrl();
        return new ApiClient(HttpClient.newBuilder(), strict, baseUri)
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
    }

    @Test
    void a_generated_client_runs_the_readme_scenario_and_decodes_errors_as_problems() throws ApiException {
        CatalogApi catalog = new CatalogApi(client);
        StockApi stock = new StockApi(client);
        PurchaseOrdersApi purchasing = new PurchaseOrdersApi(client);
        OrdersApi orders = new OrdersApi(client);
        StorefrontApi storefront = new StorefrontApi(client);

        Product created = catalog.createProduct(new ProductRequest().sku(SKU).name("Regency Cakestand 3 Tier")
                .priceMinor(1275L).currency("GBP").backorderPolicy(ProductRequest.BackorderPolicyEnum.WHEN_SUPPLY_CONFIRMED));
        assertThat(created.getBackorderPolicy()).isEqualTo(Product.BackorderPolicyEnum.WHEN_SUPPLY_CONFIRMED);
        assertThat(catalog.getProduct(SKU).getName()).isEqualTo("Regency Cakestand 3 Tier");

        Stock opened = stock.adjustStock(SKU, new AdjustStockRequest().quantity(5).reason("opening stock"), "open-" + SKU);
        assertThat(opened.getOnHand()).isEqualTo(5);
        assertThat(opened.getAvailable()).isEqualTo(5);

        LocalDate expected = LocalDate.now().plusDays(14);
        PurchaseOrder purchaseOrder = purchasing.createPurchaseOrder(new CreatePurchaseOrderRequest().supplier("Cake Stands Ltd").newSupplier(true)
                .addLinesItem(new NewPurchaseOrderLine().sku(SKU).quantity(10).expectedDate(expected)), "po-" + SKU);
        assertThat(purchaseOrder.getStatus()).isEqualTo(PurchaseOrder.StatusEnum.OPEN);
        assertThat(stock.getStock(SKU).getIncoming()).isEqualTo(10);

        Availability inStock = storefront.getAvailability(SKU, 2);
        assertThat(inStock.getStatus()).isEqualTo(Availability.StatusEnum.IN_STOCK);
        Availability beyondStock = storefront.getAvailability(SKU, 8);
        assertThat(beyondStock.getStatus()).isEqualTo(Availability.StatusEnum.BACKORDER);
        assertThat(beyondStock.getEta()).isNotNull();
        assertThat(beyondStock.getEta().getTo()).isAfterOrEqualTo(expected);
        assertThat(beyondStock.getEta().getProbability()).isGreaterThanOrEqualTo(new BigDecimal("0.8"));
        CartAvailability cart = storefront.getCartAvailability(new GetCartAvailabilityRequest()
                .addItemsItem(new SkuQuantity().sku(SKU).quantity(2)).addItemsItem(new SkuQuantity().sku(SKU).quantity(8)));
        assertThat(cart.getItems()).extracting(Availability::getStatus)
                .containsExactly(Availability.StatusEnum.IN_STOCK, Availability.StatusEnum.BACKORDER);

        Order order = orders.placeOrder(new PlaceOrderRequest().customerEmail("ann@example.com")
                .addLinesItem(new SkuQuantity().sku(SKU).quantity(8)), "order-ann");
        assertThat(order.getStatus()).isEqualTo(Order.StatusEnum.BACKORDERED);
        OrderLine line = order.getLines().get(0);
        assertThat(List.of(line.getReserved(), line.getBackordered(), line.getRefused())).containsExactly(5, 3, 0);
        assertThat(line.getPromise()).as("the waiting units carry the promise the availability answer showed").isNotNull();
        assertThat(line.getPromise().getTo()).isEqualTo(beyondStock.getEta().getTo());
        assertThat(orders.placeOrder(new PlaceOrderRequest().customerEmail("ann@example.com")
                .addLinesItem(new SkuQuantity().sku(SKU).quantity(8)), "order-ann").getId())
                .as("a retry with the same Idempotency-Key gets the first answer").isEqualTo(order.getId());
        Stock promised = stock.getStock(SKU);
        assertThat(List.of(promised.getReserved(), promised.getAvailable(), promised.getBackordered())).containsExactly(5, 0, 3);

        Order cancelled = orders.cancelOrder(order.getId(), "cancel-ann");
        assertThat(cancelled.getStatus()).isEqualTo(Order.StatusEnum.CANCELLED);
        assertThat(cancelled.getLines().get(0).getCancelled()).isEqualTo(8);
        Stock after = stock.getStock(SKU);
        assertThat(List.of(after.getReserved(), after.getAvailable(), after.getBackordered())).containsExactly(0, 5, 0);

        Problem unknown = problem(404, () -> catalog.getProduct("NOPE-1"));
        assertThat(unknown.getDetail()).contains("NOPE-1");
        Problem badCurrency = problem(400, () -> catalog.createProduct(new ProductRequest().sku("ZZ-1").name("Fan")
                .priceMinor(100L).currency("ZZZ")));
        assertThat(badCurrency.getField()).isEqualTo("currency");
        Problem badQuantity = problem(400, () -> orders.placeOrder(new PlaceOrderRequest().customerEmail("bob@example.com")
                .addLinesItem(new SkuQuantity().sku(SKU).quantity(0)), null));
        assertThat(badQuantity.getDetail()).isNotBlank();
        Problem again = problem(409, () -> orders.cancelOrder(order.getId(), null));
        assertThat(again.getDetail()).isNotBlank();
    }

    @Test
    void a_wrong_key_is_a_401_problem_with_a_challenge() {
        ApiClient stranger = client("rk_op_" + "x".repeat(43));
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new CatalogApi(stranger).getProduct(SKU));
        assertThat(refused.getCode()).isEqualTo(401);
        assertThat(refused.getResponseHeaders().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWithIgnoringCase("Bearer"));
        assertThat(decode(refused).getStatus()).isEqualTo(401);
    }

    /** The call fails with the status, as application/problem+json, and its body reads as the generated Problem. */
    private static Problem problem(int status, ThrowingCall call) {
        ApiException failure = catchThrowableOfType(ApiException.class, call::run);
        assertThat(failure).as("expected a %d", status).isNotNull();
        assertThat(failure.getCode()).isEqualTo(status);
        Problem problem = decode(failure);
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getTitle()).isNotBlank();
        return problem;
    }

    private static Problem decode(ApiException failure) {
        assertThat(failure.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        try {
            return client.getObjectMapper().readValue(failure.getResponseBody(), Problem.class);
        } catch (IOException e) {
            throw new AssertionError("not a problem the spec describes: " + failure.getResponseBody(), e);
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }
}
