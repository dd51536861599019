package restock.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import restock.cli.ServeCommand;
import restock.support.ApiClient;
import restock.support.ServerProcess;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands run beside {@code restock serve} on the same --data-dir work through the server's database and leave the
 * server answering; a second serve on the folder is refused with the serving pid.
 */
class DataFolderSharingTest {
    private static final String KEY = "sharing-test-key";

    @TempDir
    Path folder;

    @Test
    void plan_export_and_import_beside_a_running_server_work_and_leave_it_answering() throws Exception {
        Path data = folder.resolve("data");
        try (ServerProcess server = ServerProcess.start(data, folder.resolve("server.log"), KEY, Optional.empty())) {
            ApiClient client = server.client();
            expect(client.post("/api/products", """
                    {"sku":"22086","name":"Paper Chain Kit 50'S Christmas","priceMinor":295,"currency":"GBP"}"""), 201);
            expect(client.post("/api/stock/22086/adjustments", "{\"quantity\":12,\"reason\":\"opening stock\"}"), 200);

            Path plan = folder.resolve("plan.csv");
            succeeds(run("plan", "--data-dir", data.toString(), "--out", plan.toString()));
            assertThat(Files.readString(plan)).contains("22086");
            stillAnswers(client, 1);

            Path export = folder.resolve("export");
            succeeds(run("export", "--data-dir", data.toString(), "--out", export.toString()));
            assertThat(Files.readString(export.resolve("products.csv"))).contains("Paper Chain Kit");
            assertThat(Files.readString(export.resolve("stock.csv"))).contains("22086");
            stillAnswers(client, 2);

            Path products = folder.resolve("products.csv");
            Files.writeString(products, "sku,name,price_minor,currency,backorder_policy,backorder_cap\n"
                    + "85123A,White Hanging Heart T-Light Holder,255,GBP,never,\n");
            succeeds(run("import", "products", products.toString(), "--data-dir", data.toString()));
            expect(client.get("/api/products/85123A"), 200);
            stillAnswers(client, 3);

            Outcome serve = run("serve", "--data-dir", data.toString(), "--port", "0");
            assertThat(serve.exit()).isEqualTo(ServeCommand.EXIT_FOLDER_ALREADY_SERVED);
            assertThat(serve.err()).contains("already served by Restock pid " + server.pid())
                    .contains("Stop that server first (kill " + server.pid() + ")");
            stillAnswers(client, 4);
            assertThat(server.log()).doesNotContain("left running on");
        }
    }

    /** The server's database still answers: a read, a write and /health. */
    private static void stillAnswers(ApiClient client, int ordersSoFar) {
        expect(client.send("GET", "/health", null, java.util.Map.of()), 200);
        expect(client.post("/api/orders", "{\"customerEmail\":\"shopper@example.com\",\"lines\":[{\"sku\":\"22086\",\"quantity\":1}]}"), 201);
        ApiClient.Exchange stock = expect(client.get("/api/stock/22086"), 200);
        assertThat(stock.json().path("reserved").asInt()).isEqualTo(ordersSoFar);
    }

    private static ApiClient.Exchange expect(ApiClient.Exchange exchange, int status) {
        assertThat(exchange.status()).as(exchange.method() + " " + exchange.path() + ": " + exchange.responseBody()).isEqualTo(status);
        return exchange;
    }

    private record Outcome(int exit, String err) {
    }

    private static void succeeds(Outcome outcome) {
        assertThat(outcome.exit()).as("exit status; it printed: " + outcome.err()).isZero();
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            CommandLine commandLine = new CommandLine(new Main());
            commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            return new Outcome(commandLine.execute(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
    }
}
