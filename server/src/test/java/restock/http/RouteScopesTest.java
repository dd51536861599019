package restock.http;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;
import restock.access.Scope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** openapi.yaml declares, per operation, the scopes RouteScopes lets through, and the 401, 403 and 429 answers. */
class RouteScopesTest {
    private static final Map<Scope, String> SCHEMES = Map.of(Scope.OPERATIONS, "operationsKey", Scope.STOREFRONT, "storefrontKey",
            Scope.REPORTING, "reportingKey", Scope.FEEDS, "feedsKey");

    @Test
    void every_operation_declares_the_scopes_that_may_call_it_and_its_401_403_and_429() throws IOException {
        OpenAPI spec = new OpenAPIV3Parser().readContents(spec(), null, null).getOpenAPI();
        List<String> mismatches = new ArrayList<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!path.startsWith("/api/")) {
                return; // Keys guard /api only; /health answers monitors without one (security: [] in the spec).
            }
            String route = method.name() + " " + path;
            Set<String> declared = declared(spec, operation);
            Set<String> allowed = new TreeSet<>();
            SCHEMES.forEach((scope, scheme) -> {
                if (RouteScopes.allows(scope, method.name(), path)) {
                    allowed.add(scheme);
                }
            });
            if (!declared.equals(allowed)) {
                mismatches.add(route + ": openapi.yaml says " + declared + ", RouteScopes lets " + allowed);
            }
            for (String status : List.of("401", "403", "429")) {
                if (!operation.getResponses().containsKey(status)) {
                    mismatches.add(route + " does not document " + status);
                }
            }
        }));
        assertThat(mismatches).isEmpty();
        assertThat(RouteScopes.STOREFRONT).allSatisfy(route -> assertThat(operations(spec)).contains(route));
    }

    private static Set<String> declared(OpenAPI spec, Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity() : spec.getSecurity();
        Set<String> schemes = new TreeSet<>();
        requirements.forEach(requirement -> schemes.addAll(requirement.keySet()));
        return schemes;
    }

    private static Set<String> operations(OpenAPI spec) {
        Set<String> operations = new TreeSet<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(method -> operations.add(method.name() + " " + path)));
        return operations;
    }

    private static String spec() throws IOException {
        try (InputStream in = RouteScopesTest.class.getResourceAsStream("/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
