package restock.http;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** openapi.yaml declares, per operation, the query parameters RouteParameters lets through, and no route takes one it does not declare. */
class RouteParametersTest {
    @Test
    void every_operation_declares_the_query_parameters_its_route_takes() throws IOException {
        ParseOptions resolve = new ParseOptions();
        resolve.setResolve(true);
        resolve.setResolveFully(true);
        OpenAPI spec = new OpenAPIV3Parser().readContents(spec(), null, resolve).getOpenAPI();
        List<String> mismatches = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            operations.add(method.name() + " " + path);
            Set<String> declared = query(item.getParameters(), operation);
            Set<String> taken = new TreeSet<>(RouteParameters.of(method.name(), path));
            if (!declared.equals(taken)) {
                mismatches.add(method + " " + path + ": openapi.yaml says " + declared + ", RouteParameters takes " + taken);
            }
        }));
        assertThat(mismatches).isEmpty();
        assertThat(RouteParameters.QUERY.keySet()).as("routes RouteParameters lists").allSatisfy(route -> assertThat(operations).contains(route));
    }

    private static Set<String> query(List<Parameter> common, Operation operation) {
        Set<String> names = new TreeSet<>();
        List<Parameter> all = new ArrayList<>(common == null ? List.of() : common);
        all.addAll(operation.getParameters() == null ? List.of() : operation.getParameters());
        all.stream().filter(parameter -> "query".equals(parameter.getIn())).forEach(parameter -> names.add(parameter.getName()));
        return names;
    }

    private static String spec() throws IOException {
        try (InputStream in = RouteParametersTest.class.getResourceAsStream("/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
