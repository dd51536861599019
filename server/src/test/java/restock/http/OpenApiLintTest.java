package restock.http;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lints openapi.yaml for what a generated client needs to work without surprises: a parse without errors, servers,
 * a unique camelCase operationId on every operation, every error answer documented as problem+json (a default
 * answer on each, 400 where input can be wrong, 404 where a path names something), camelCase property names,
 * feeds declared with their real content types, webhook payloads with schemas, and Idempotency-Key declared on
 * exactly the commands that honour it (probed on a running server).
 */
class OpenApiLintTest {
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern PROPERTY_NAME = Pattern.compile("@?[a-z][a-zA-Z0-9]*");
    private static final String PROBLEM_JSON = "application/problem+json";

    static OpenAPI spec() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(specText(), null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        return result.getOpenAPI();
    }

    private static String specText() throws IOException {
        try (InputStream in = OpenApiLintTest.class.getResourceAsStream("/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void declares_servers_and_a_unique_camel_case_operation_id_on_every_operation() throws IOException {
        OpenAPI spec = spec();
        assertThat(spec.getServers()).as("servers").isNotEmpty().allSatisfy(server -> assertThat(server.getUrl()).isNotBlank());
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        operations(spec).forEach((route, operation) -> {
            String id = operation.getOperationId();
            if (id == null || !OPERATION_ID.matcher(id).matches()) {
                problems.add(route + ": operationId '" + id + "' is missing or not camelCase");
            } else if (!ids.add(id)) {
                problems.add(route + ": operationId '" + id + "' is used twice");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void documents_every_error_as_problem_json() throws IOException {
        OpenAPI spec = spec();
        List<String> problems = new ArrayList<>();
        operations(spec).forEach((route, operation) -> {
            Map<String, ApiResponse> responses = operation.getResponses();
            if (!responses.containsKey("default")) {
                problems.add(route + ": no default (problem) answer for errors not listed");
            }
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            boolean inputCanBeWrong = operation.getRequestBody() != null
                    || parameters.stream().anyMatch(p -> !"path".equals(p.getIn()) || !"string".equals(p.getSchema().getType()));
            if (inputCanBeWrong && !responses.containsKey("400")) {
                problems.add(route + ": takes input but does not document 400");
            }
            if (parameters.stream().anyMatch(p -> "path".equals(p.getIn())) && !responses.containsKey("404")) {
                problems.add(route + ": names something in its path but does not document 404");
            }
            if (route.contains(" /api/")) {
                for (String status : List.of("401", "403", "429")) {
                    if (!responses.containsKey(status)) {
                        problems.add(route + ": does not document " + status);
                    }
                }
            }
            responses.forEach((status, response) -> {
                boolean error = status.equals("default") || status.startsWith("4") || status.startsWith("5");
                if (error && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                    problems.add(route + ": " + status + " is not declared as " + PROBLEM_JSON);
                }
            });
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void names_every_property_in_camel_case() throws IOException {
        OpenAPI spec = spec();
        List<String> problems = new ArrayList<>();
        spec.getComponents().getSchemas().forEach((name, schema) -> properties("#/components/schemas/" + name, schema, problems));
        operations(spec).forEach((route, operation) -> operation.getResponses().forEach((status, response) -> {
            if (response.getContent() != null) {
                response.getContent().forEach((type, media) -> properties(route + " " + status, media.getSchema(), problems));
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void declares_feeds_with_their_real_content_types() throws IOException {
        Map<String, String> expected = Map.of(".xml", "application/rss+xml", ".tsv", "text/tab-separated-values", ".csv", "text/csv");
        List<String> problems = new ArrayList<>();
        operations(spec()).forEach((route, operation) -> expected.forEach((extension, type) -> {
            if (route.contains("/google-merchant") && route.endsWith(extension)) {
                Map<String, MediaType> content = operation.getResponses().get("200").getContent();
                if (!content.keySet().equals(Set.of(type))) {
                    problems.add(route + " declares " + content.keySet() + ", serves " + type);
                }
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void declares_a_payload_schema_for_every_webhook_topic() throws IOException {
        OpenAPI spec = spec();
        Operation register = spec.getPaths().get("/api/webhooks").getPost();
        assertThat(register.getCallbacks()).as("POST /api/webhooks callbacks").isNotNull().isNotEmpty();
        List<String> topics = new ArrayList<>();
        register.getCallbacks().forEach((name, callback) -> callback.forEach((expression, item) -> {
            Operation delivery = item.getPost();
            assertThat(delivery).as(name + " delivery").isNotNull();
            assertThat(delivery.getParameters()).as(name + " signature header").anySatisfy(p -> assertThat(p.getName()).isEqualTo("Restock-Signature"));
            Schema<?> payload = delivery.getRequestBody().getContent().get("application/json").getSchema();
            assertThat(payload.getRequired()).as(name + " payload").contains("topic");
            topics.add(name);
        }));
        assertThat(topics).containsAll(restock.notify.Notice.WEBHOOK_TOPICS);
    }

    /**
     * The server honours Idempotency-Key where it checks the header: an over-long one is refused with a 400 naming
     * it. Every POST whose answer names it must declare it, and every POST that declares it must honour it.
     */
    @Test
    void declares_idempotency_key_on_exactly_the_commands_that_honour_it() throws IOException {
        OpenAPI spec = spec();
        List<String> problems = new ArrayList<>();
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            spec.getPaths().forEach((path, item) -> {
                Operation post = item.getPost();
                if (post == null || !path.startsWith("/api/")) {
                    return;
                }
                String concrete = path.replace("{sku}", "NONE").replace("{id}", "1").replace("{lineNumber}", "1")
                        .replace("{prefix}", "rk_sf_none0000").replace("{topic}", "none");
                ApiClient.Exchange answer = client.send("POST", concrete, "{}", Map.of("Authorization", "Bearer " + RunningApi.API_KEY,
                        "Content-Type", "application/json", "Idempotency-Key", "k".repeat(HttpCommands.MAX_IDEMPOTENCY_KEY_LENGTH + 1)));
                boolean honoured = answer.status() == 400 && answer.responseBody().contains("\"Idempotency-Key\"");
                boolean declared = post.getParameters() != null && post.getParameters().stream()
                        .anyMatch(p -> "header".equals(p.getIn()) && "Idempotency-Key".equals(p.getName()));
                if (honoured != declared) {
                    problems.add("POST " + path + (honoured ? " honours Idempotency-Key but does not declare it" : " declares Idempotency-Key but ignores it"));
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    private static void properties(String where, Schema<?> schema, List<String> problems) {
        if (schema == null) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if (!PROPERTY_NAME.matcher(name).matches()) {
                    problems.add(where + ": property '" + name + "' is not camelCase");
                }
                properties(where + "." + name, property, problems);
            });
        }
        properties(where + "[]", schema.getItems(), problems);
    }

    static Map<String, Operation> operations(OpenAPI spec) {
        Map<String, Operation> operations = new java.util.TreeMap<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((PathItem.HttpMethod method, Operation operation) -> operations.put(method.name() + " " + path, operation)));
        return operations;
    }
}
