package restock.support;

import io.javalin.Javalin;
import restock.http.HttpApi;
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
        this.database = target.freshSchema();
        this.restock = new Restock(database.jdbi(), clock);
        HttpApi api = new HttpApi(restock, API_KEY);
        database.bindMetrics(api.meters());
        this.server = api.start("127.0.0.1", 0);
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
