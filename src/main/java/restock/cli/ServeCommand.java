package restock.cli;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import restock.http.HttpApi;
import restock.promise.PromiseSettings;
import restock.service.Restock;
import restock.store.Database;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/** Runs the HTTP API until the process is stopped. */
@Command(name = "serve", description = "Run the Restock server.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--demo", description = "Load a demo shop when the database is empty.")
    boolean demo;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        Database db = database.open();
        Clock clock = Clock.systemUTC();
        PromiseSettings promises = PromiseSettings.defaults(java.time.LocalDate.now(clock));
        String threshold = System.getenv("RESTOCK_PROMISE_THRESHOLD");
        if (threshold != null && !threshold.isBlank()) {
            promises = new PromiseSettings(Double.parseDouble(threshold), promises.maxSlipDays(), promises.handlingDays(), promises.today());
        }
        Restock restock = new Restock(db.jdbi(), clock, promises);
        if (demo && Demo.loadIfEmpty(restock)) {
            System.out.println("Loaded the demo shop (36 products from a real UK online retailer).");
        }
        String apiKey = apiKey();
        String shopUrl = System.getenv().getOrDefault("RESTOCK_SHOP_PRODUCT_URL", HttpApi.DEFAULT_SHOP_PRODUCT_URL);
        Javalin server = new HttpApi(restock, apiKey, shopUrl).start(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            db.close();
        }, "restock-shutdown"));
        String url = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port() + "/";
        System.out.println("Restock is running at " + url + " (data: " + database.describe() + ")");
        System.out.println("API: " + url + "api  (spec: " + url + "api/openapi.yaml)");
        System.out.println(System.getenv("RESTOCK_API_KEY") == null
                ? "API key (generated for this run; set RESTOCK_API_KEY to choose one): " + apiKey
                : "API key: from RESTOCK_API_KEY");
        System.out.println("Open " + url + " and enter the API key to see the stock overview, or try:");
        System.out.println("  curl -H 'Authorization: Bearer " + apiKey + "' '" + url + "api/stock?limit=5'");
        return 0;
    }

    private static String apiKey() {
        String configured = System.getenv("RESTOCK_API_KEY");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
