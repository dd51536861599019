package restock.fuzz;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations openapi.yaml describes, with their parameters and body schemas fully resolved, plus the
 * HTML routes customers reach through links (not in the spec, but just as reachable from outside).
 */
record ApiOperations(List<ApiOperation> operations) {

    /** One method on one path template, as the spec declares it. */
    record ApiOperation(String method, String pathTemplate, List<Parameter> parameters, Optional<Schema<?>> body,
                        String bodyContentType) {
        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> where.equals(p.getIn())).toList();
        }

        String name() {
            return method + " " + pathTemplate;
        }
    }

    static ApiOperations fromClasspathSpec() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(classpathSpec(), null, options).getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("openapi.yaml did not parse");
        }
        List<ApiOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.add(operation(method, path, item, operation))));
        operations.addAll(linkRoutes());
        return new ApiOperations(List.copyOf(operations));
    }

    private static ApiOperation operation(PathItem.HttpMethod method, String path, PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        Optional<Schema<?>> body = Optional.empty();
        String contentType = "application/json";
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Map.Entry<String, MediaType> first = operation.getRequestBody().getContent().entrySet().iterator().next();
            contentType = first.getKey();
            body = Optional.ofNullable(first.getValue().getSchema());
        }
        return new ApiOperation(method.name(), path, List.copyOf(parameters), body, contentType);
    }

    /** Cancel, pay and waitlist pages: signed tokens in the path, HTML answers; and the console's sign-in form. */
    private static List<ApiOperation> linkRoutes() {
        Parameter token = new Parameter().name("token").in("path").required(true).schema(new Schema<String>().type("string"));
        return List.of(
                new ApiOperation("GET", "/cancel/{token}", List.of(token), Optional.empty(), "application/x-www-form-urlencoded"),
                new ApiOperation("POST", "/cancel/{token}", List.of(token), Optional.empty(), "application/x-www-form-urlencoded"),
                new ApiOperation("GET", "/waitlist/confirm/{token}", List.of(token), Optional.empty(), "application/x-www-form-urlencoded"),
                new ApiOperation("GET", "/waitlist/unsubscribe/{token}", List.of(token), Optional.empty(), "application/x-www-form-urlencoded"),
                new ApiOperation("POST", "/waitlist/unsubscribe/{token}", List.of(token), Optional.empty(), "application/x-www-form-urlencoded"),
                new ApiOperation("GET", "/", List.of(), Optional.empty(), "text/html"),
                // The console's sign-in form: no session needed, any text in its fields.
                new ApiOperation("GET", "/console/login", List.of(), Optional.empty(), "text/html"),
                new ApiOperation("POST", "/console/login", List.of(), Optional.of(new Schema<Object>().type("object")
                        .addProperty("username", new Schema<String>().type("string"))
                        .addProperty("password", new Schema<String>().type("string"))
                        .addProperty("_login", new Schema<String>().type("string"))), "application/x-www-form-urlencoded"),
                new ApiOperation("GET", "/health", List.of(), Optional.empty(), "application/json"),
                new ApiOperation("GET", "/metrics", List.of(), Optional.empty(), "text/plain"));
    }

    static String classpathSpec() {
        try (InputStream in = ApiOperations.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read openapi.yaml", e);
        }
    }
}
