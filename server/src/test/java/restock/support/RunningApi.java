package restock.support;

import io.javalin.Javalin;
import restock.gateways.WebhookTargets;
import restock.http.HttpApi;
import restock.notify.Branding;
import restock.payments.SimulatedGateway;
import restock.service.ApiKeys;
import restock.service.NoticeRelay;
import restock.service.WaitlistCommands;
import restock.service.Restock;
import restock.store.Database;

import java.time.Clock;

/** Restock's HTTP API on a free port over a fresh schema, for tests. */
public final class RunningApi implements AutoCloseable {
    public static final String API_KEY = "test-key-0123456789";
    private final Database database;
    private final Javalin server;
    private final Restock restock;

    public RunningApi(TestDatabases.Target target) {
        this(target, Clock.systemUTC());
    }

    /** With a clock the test moves. */
    public RunningApi(TestDatabases.Target target, Clock clock) {
        this(target.freshSchema(), clock, false);
    }

    /**
     * With the storefront demo page at /shop and a waitlist that asks shoppers to confirm, as {@code serve --demo} runs,
     * on a database that holds the demo year already, loaded today ({@link TestDatabases.Target#freshDemo}).
     */
    public static RunningApi withDemoYearLoaded() {
        return new RunningApi(TestDatabases.demoTarget().freshDemo(Clock.systemUTC()), Clock.systemUTC(), true);
    }

    /** With the storefront demo page at /shop, as {@code serve --demo} runs, over a fresh schema (no demo year). */
    public static RunningApi withShopDemo(TestDatabases.Target target) {
        return new RunningApi(target.freshSchema(), Clock.systemUTC(), true);
    }

    private RunningApi(Database database, Clock clock, boolean shopDemo) {
        this.database = database;
        this.restock = new Restock(database.jdbi(), clock);
        HttpApi api = shopDemo ? shopDemo(restock, clock) : new HttpApi(restock, API_KEY);
        database.bindMetrics(api.meters());
        this.server = api.start("127.0.0.1", 0);
    }

    private static HttpApi shopDemo(Restock restock, Clock clock) {
        var relay = new NoticeRelay(restock, Branding.DEMO, "https://shop.example.com/pay?token={token}", clock);
        var defaults = WaitlistCommands.Settings.DEFAULT;
        var waitlist = new WaitlistCommands(restock, restock.links(), relay, new WaitlistCommands.Settings(
                defaults.oversubscriptionFactor(), defaults.noticeWindow(), true, defaults.baseUrl(), defaults.productUrl(), false), clock);
        return new HttpApi(restock, new ApiKeys(restock, java.util.Optional.of(API_KEY)),
                new HttpApi.Settings(HttpApi.DEFAULT_SHOP_PRODUCT_URL, WebhookTargets.PUBLIC_ONLY).withShopDemo(),
                new SimulatedGateway(0, SimulatedGateway.Faults.NONE, clock), waitlist,
                Branding.DEMO);
    }

    public ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + server.port(), API_KEY);
    }

    public Restock restock() {
        return restock;
    }

    @Override
    public void close() {
        server.stop();
        database.close();
    }
}
