package restock.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Builds a request the spec calls valid, from the operation's schemas and the {@link World}: real SKUs and ids,
 * plausible emails and dates, numbers inside their declared bounds. Field names steer values the schema leaves
 * open (a {@code sku} is a known SKU, {@code expectedDate} a date in the coming weeks).
 */
final class ValidRequests {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FORECAST_METHODS = List.of("auto", "naive", "snaive", "mean", "ses", "croston", "sba", "tsb");
    private final World world;
    private final String apiKey;
    private final LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

    ValidRequests(World world, String apiKey) {
        this.world = world;
        this.apiKey = apiKey;
    }

    Draft draft(ApiOperations.ApiOperation operation, Random random) {
        Draft draft = new Draft(operation);
        draft.headers.put("Authorization", "Bearer " + apiKey);
        for (Parameter parameter : operation.in("path")) {
            draft.pathValues.put(parameter.getName(), pathValue(operation.pathTemplate(), parameter, random));
        }
        for (Parameter parameter : operation.in("query")) {
            if (Boolean.TRUE.equals(parameter.getRequired()) || random.nextBoolean()) {
                draft.query.add(java.util.Map.entry(parameter.getName(), text(value(parameter.getName(), parameter.getSchema(), random))));
            }
        }
        boolean keyed = operation.in("header").stream().anyMatch(p -> p.getName().equals("Idempotency-Key"));
        if (keyed && random.nextInt(3) > 0) {
            draft.headers.put("Idempotency-Key", "fz-" + world.next());
        }
        operation.body().ifPresent(schema -> {
            draft.body = value("", schema, random);
            draft.headers.put("Content-Type", operation.bodyContentType());
        });
        return draft;
    }

    private String pathValue(String template, Parameter parameter, Random random) {
        return switch (parameter.getName()) {
            case "sku" -> world.sku(random);
            case "id" -> Long.toString(template.startsWith("/api/purchase-orders") ? world.purchaseOrderId(random)
                    : template.startsWith("/api/outbox") ? 1 + random.nextInt(50) : world.orderId(random));
            case "lineNumber" -> Integer.toString(1 + random.nextInt(3));
            case "token" -> "tok" + Long.toHexString(random.nextLong());
            default -> text(value(parameter.getName(), parameter.getSchema(), random));
        };
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** A valid value for a schema, steered by the field's name. */
    JsonNode value(String field, Schema<?> schema, Random random) {
        if (schema == null) {
            return NODES.textNode("x");
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return NODES.textNode(String.valueOf(schema.getEnum().get(random.nextInt(schema.getEnum().size()))));
        }
        String type = schema.getType() == null ? "object" : schema.getType();
        return switch (type) {
            case "string" -> NODES.textNode(string(field, schema, random));
            case "integer" -> NODES.numberNode(integer(field, schema, random));
            case "number" -> NODES.numberNode(number(schema, random));
            case "boolean" -> NODES.booleanNode(field.equals("consent") || random.nextBoolean());
            case "array" -> array(field, schema, random);
            default -> object(schema, random);
        };
    }

    private ObjectNode object(Schema<?> schema, Random random) {
        ObjectNode object = NODES.objectNode();
        if (schema.getProperties() == null) {
            return object;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name) || random.nextInt(3) == 0) {
                object.set(name, value(name, property, random));
            }
        });
        return object;
    }

    private ArrayNode array(String field, Schema<?> schema, Random random) {
        ArrayNode array = NODES.arrayNode();
        int min = schema.getMinItems() == null ? 0 : schema.getMinItems();
        int max = Math.min(schema.getMaxItems() == null ? 4 : schema.getMaxItems(), min + 3);
        int size = min + random.nextInt(Math.max(1, max - min + 1));
        for (int i = 0; i < Math.max(size, 1); i++) {
            array.add(value(field, schema.getItems(), random));
        }
        return array;
    }

    private String string(String field, Schema<?> schema, Random random) {
        long n = world.next();
        return switch (field) {
            case "sku" -> random.nextInt(8) == 0 ? "FZ-" + n : world.sku(random);
            case "customerEmail", "email" -> "shopper" + random.nextInt(50) + "@example.com";
            case "recipient" -> random.nextBoolean() ? "shopper" + random.nextInt(50) + "@example.com" : "https://hooks.example.com/r/" + random.nextInt(3);
            case "currency" -> random.nextBoolean() ? "GBP" : "EUR";
            case "name" -> "Fuzzed product " + n;
            case "supplier" -> "Supplier " + (1 + random.nextInt(3));
            case "reason" -> random.nextBoolean() ? "cycle count" : "damaged in transit";
            case "url" -> "https://hooks.example.com/r/" + random.nextInt(3);
            case "paymentMethod" -> random.nextInt(4) == 0 ? "pm_card_declined" : "pm_card_visa";
            case "discountCode" -> "ABCD-EFGH-JKMN-PQ" + (10 + random.nextInt(90));
            case "method" -> FORECAST_METHODS.get(random.nextInt(FORECAST_METHODS.size()));
            case "token" -> "tok" + Long.toHexString(random.nextLong());
            case "after" -> random.nextBoolean() ? "" : world.sku(random);
            default -> "date".equals(schema.getFormat()) || field.endsWith("Date") || field.equals("from") || field.equals("to")
                    ? today.plusDays(random.nextInt(90) - 30).toString() : "text " + n;
        };
    }

    private long integer(String field, Schema<?> schema, Random random) {
        return switch (field) {
            case "quantity" -> 1 + random.nextInt(5);
            case "priceMinor" -> 100 + random.nextInt(5000);
            case "countedQuantity" -> random.nextInt(40);
            case "priority" -> random.nextInt(10);
            case "backorderCap" -> random.nextInt(50);
            default -> bounded(schema, random);
        };
    }

    private static long bounded(Schema<?> schema, Random random) {
        long min = schema.getMinimum() == null ? 1 : schema.getMinimum().longValue();
        long max = schema.getMaximum() == null ? min + 20 : schema.getMaximum().longValue();
        return min + random.nextInt((int) Math.min(max - min + 1, 30));
    }

    private static double number(Schema<?> schema, Random random) {
        double min = schema.getMinimum() == null ? 0 : schema.getMinimum().doubleValue();
        double max = schema.getMaximum() == null ? min + 1 : schema.getMaximum().doubleValue();
        double value = min + random.nextDouble() * (max - min);
        return new BigDecimal(value).setScale(3, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
