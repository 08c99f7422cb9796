package org.dmscloud.itests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Requests for every operation of an OpenAPI document, made from the document itself: its paths and
 * methods, its path, query and header parameters and its request body schemas. Values are mostly what the
 * schema asks for (so that requests get past the first check) and often what a careless or hostile client
 * sends instead: the wrong JSON type, missing and unknown fields, huge and negative numbers, control and
 * text-direction characters, malformed JSON, a field twice, other media types, garbage tokens.
 */
final class OpenApiRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> HOSTILE_TEXT = List.of("", " ", "\u0000", "A\u0000B", "\u202Egnp.exe", "\u2066isolate", "\uD800",
            "💥🚀", "'; DROP TABLE account; --", "../../etc/passwd", "%00", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}",
            "x".repeat(300), "Ünïcödé ñame", "\r\nX-Injected: 1", "null", "-1", "1e30");
    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    /** What the fuzzer knows of its own account: the token and ids that make requests reach further than a 404. */
    record Known(String token, List<String> ids) {
    }

    private final JsonNode document;
    private final Known known;

    OpenApiRequests(JsonNode document, Known known) {
        this.document = document;
        this.known = known;
    }

    /** Every operation of the document, as "METHOD /path". */
    List<String> operations() {
        List<String> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    Arbitrary<FuzzRequest> requests() {
        List<Arbitrary<FuzzRequest>> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(operation(path.getKey(), method.getKey().toUpperCase(java.util.Locale.ROOT), method.getValue()));
            }
        }));
        return Arbitraries.oneOf(operations);
    }

    private Arbitrary<FuzzRequest> operation(String template, String method, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        Arbitrary<Map<String, String>> pathValues = parameters(parameters, "path", true);
        Arbitrary<Map<String, String>> queryValues = parameters(parameters, "query", false);
        Arbitrary<Map<String, String>> headerValues = parameters(parameters, "header", false);
        Arbitrary<String> authorization = authorization(template);
        Arbitrary<Tuple.Tuple2<String, byte[]>> body = body(operation.path("requestBody"));
        String name = method + " " + template;
        return Combinators.combine(pathValues, queryValues, headerValues, authorization, body).as((path, query, headers, auth, content) -> {
            String filled = template;
            for (Map.Entry<String, String> value : path.entrySet()) {
                filled = filled.replace("{" + value.getKey() + "}", encode(value.getValue()));
            }
            String queryString = query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            Map<String, String> allHeaders = new LinkedHashMap<>(headers);
            allHeaders.values().removeIf(value -> value.chars().anyMatch(c -> c < 0x20 || c > 0x7e)); // not sendable as a header
            if (auth != null) {
                allHeaders.put("Authorization", auth);
            }
            if (content.get1() != null) {
                allHeaders.put("Content-Type", content.get1());
            }
            return new FuzzRequest(name, method, filled + (queryString.isEmpty() ? "" : "?" + queryString), allHeaders, content.get2());
        });
    }

    /** Values for the parameters in one place; required ones always, others now and then. */
    private Arbitrary<Map<String, String>> parameters(List<JsonNode> parameters, String in, boolean allRequired) {
        Arbitrary<Map<String, String>> values = Arbitraries.just(Map.of());
        for (JsonNode parameter : parameters) {
            if (!in.equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            Arbitrary<String> value = parameterValue(name, parameter.path("schema"));
            boolean required = allRequired || parameter.path("required").asBoolean();
            Arbitrary<String> maybe = required ? value : Arbitraries.frequencyOf(Tuple.of(2, value), Tuple.of(1, Arbitraries.just((String) null)));
            values = Combinators.combine(values, maybe).as((map, v) -> {
                Map<String, String> next = new LinkedHashMap<>(map);
                if (v != null) {
                    next.put(name, v);
                }
                return next;
            });
        }
        return values;
    }

    private Arbitrary<String> parameterValue(String name, JsonNode schema) {
        Arbitrary<String> ids = known.ids().isEmpty() ? Arbitraries.just(UUID.randomUUID().toString()) : Arbitraries.of(known.ids());
        Arbitrary<String> fitting = switch (resolve(schema).path("type").asText()) {
            case "integer" -> Arbitraries.oneOf(Arbitraries.longs().between(-5, 1_000).map(String::valueOf),
                    Arbitraries.of("0", "-1", "9223372036854775807", "9223372036854775808", "1.5", "abc"));
            case "array" -> parameterValue(name, resolve(schema).path("items"));
            default -> name.equalsIgnoreCase("id") || name.endsWith("Id") ? Arbitraries.frequencyOf(Tuple.of(4, ids),
                    Tuple.of(1, Arbitraries.create(() -> UUID.randomUUID().toString()))) : Arbitraries.strings().ofMaxLength(20);
        };
        return Arbitraries.frequencyOf(Tuple.of(3, fitting), Tuple.of(1, Arbitraries.of(HOSTILE_TEXT)));
    }

    /** Mostly the fuzzer's own valid token, so that requests get past the sign-in check; sometimes none or a made-up one. */
    private Arbitrary<String> authorization(String template) {
        if (template.equals("/auth/sign-out")) {
            // Signing out its own session would leave the fuzzer with nothing to reach further with.
            return Arbitraries.of("Bearer made-up-token", "Bearer ", "Basic YWRtaW46YWRtaW4=");
        }
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("Bearer " + known.token())), Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.of("Bearer made-up-token", "Bearer ", "bearer " + known.token(), "Basic YWRtaW46YWRtaW4=",
                        "Bearer " + known.token() + "x")));
    }

    /** A media type and the bytes of a body: from the schema mostly, malformed or of another type sometimes. */
    private Arbitrary<Tuple.Tuple2<String, byte[]>> body(JsonNode requestBody) {
        Arbitrary<String> mediaTypes = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("application/json; charset=UTF-8", "text/plain", "application/x-www-form-urlencoded", "*/*",
                        "application/xml", "application/json; charset=ISO-8859-1")), Tuple.of(1, Arbitraries.just((String) null)));
        if (requestBody.isMissingNode()) {
            return Combinators.combine(mediaTypes, Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just((byte[]) null)),
                    Tuple.of(1, malformed(NODES.objectNode())))).as(Tuple::of);
        }
        Iterator<Map.Entry<String, JsonNode>> contents = requestBody.path("content").fields();
        Map.Entry<String, JsonNode> content = contents.next();
        JsonNode schema = content.getValue().path("schema");
        if (content.getKey().startsWith("application/x-www-form-urlencoded")) {
            Arbitrary<byte[]> form = value(schema, 0).map(node -> {
                List<String> pairs = new ArrayList<>();
                node.fields().forEachRemaining(f -> pairs.add(encode(f.getKey()) + "=" + encode(f.getValue().asText())));
                return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
            });
            return Combinators.combine(Arbitraries.of("application/x-www-form-urlencoded", "application/json", "*/*"), form).as(Tuple::of);
        }
        Arbitrary<byte[]> json = Arbitraries.frequencyOf(Tuple.of(6, value(schema, 0).map(node -> node.toString().getBytes(StandardCharsets.UTF_8))),
                Tuple.of(2, value(schema, 0).flatMap(this::malformed)));
        return Combinators.combine(mediaTypes, json).as(Tuple::of);
    }

    /** JSON text that is broken or hostile in one of the ways parsers meet. */
    private Arbitrary<byte[]> malformed(JsonNode valid) {
        String text = valid.toString();
        List<String> variants = new ArrayList<>(List.of(text.isEmpty() ? "" : text.substring(0, text.length() / 2), text + " {}", text + "x", "",
                "null", "[]", "\"text\"", "42", "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":" + "[".repeat(3_000), "{\"x\":\"" + "y".repeat(70_000) + "\"}",
                "{\"amount\":1e999999999}", "\uFEFF" + text));
        if (valid.isObject() && valid.fieldNames().hasNext()) {
            String first = valid.fieldNames().next();
            variants.add("{" + JSON.valueToTree(first) + ":" + valid.get(first) + "," + text.substring(1)); // the first field twice
        }
        Arbitrary<byte[]> invalidUtf8 = Arbitraries.just(new byte[] { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' });
        return Arbitraries.oneOf(Arbitraries.of(variants).map(v -> v.getBytes(StandardCharsets.UTF_8)), invalidUtf8);
    }

    /** A JSON value for a schema: mostly of its shape, sometimes of another. */
    private Arbitrary<JsonNode> value(JsonNode schema, int depth) {
        Arbitrary<JsonNode> fitting = fitting(resolve(schema), depth);
        if (depth > 3) {
            return fitting;
        }
        return Arbitraries.frequencyOf(Tuple.of(6, fitting), Tuple.of(1, other()));
    }

    private Arbitrary<JsonNode> fitting(JsonNode schema, int depth) {
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(values)), Tuple.of(1, Arbitraries.of(HOSTILE_TEXT).map(NODES::textNode)));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> value(schema.path("items"), depth + 1).list().ofMaxSize(4).map(items -> {
                ArrayNode array = NODES.arrayNode();
                items.forEach(array::add);
                return array;
            });
            case "integer" -> Arbitraries.oneOf(Arbitraries.longs().between(-10, 30_000).map(NODES::numberNode),
                    Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, 1L, 1_000_000L).map(NODES::numberNode),
                    Arbitraries.just(NODES.numberNode(new java.math.BigInteger("99999999999999999999999"))));
            case "number" -> Arbitraries.doubles().between(-1e6, 1e6).map(NODES::numberNode);
            case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
            default -> text(schema).map(NODES::textNode);
        };
    }

    private Arbitrary<JsonNode> object(JsonNode schema, int depth) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        Arbitrary<ObjectNode> object = Arbitraries.just(NODES.objectNode());
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            Arbitrary<JsonNode> value = value(property.getValue(), depth + 1);
            int present = required.contains(property.getKey()) ? 12 : 3;
            Arbitrary<JsonNode> maybe = Arbitraries.frequencyOf(Tuple.of(present, value), Tuple.of(1, Arbitraries.just((JsonNode) null)));
            object = Combinators.combine(object, maybe).as((node, v) -> {
                ObjectNode next = node.deepCopy();
                if (v != null) {
                    next.set(property.getKey(), v);
                }
                return next;
            });
        }
        // Now and then a field no schema has.
        return Combinators.combine(object, Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true))))
                .as((node, extra) -> extra ? node.deepCopy().put("isAdmin", true) : node);
    }

    private Arbitrary<String> text(JsonNode schema) {
        String format = schema.path("format").asText("");
        Arbitrary<String> fitting = switch (format) {
            case "uuid" -> known.ids().isEmpty() ? Arbitraries.create(() -> UUID.randomUUID().toString())
                    : Arbitraries.oneOf(Arbitraries.of(known.ids()), Arbitraries.create(() -> UUID.randomUUID().toString()));
            case "email" -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(local -> "fuzz-" + local + "@example.com");
            case "date-time" -> Arbitraries.of("2026-11-29T10:00:00Z", "yesterday");
            default -> schema.path("pattern").asText("").contains("[A-Z]{3}") ? Arbitraries.of("EUR", "USD", "JPY", "XXX", "eur")
                    : schema.path("pattern").asText("").contains("[0-9]") ? Arbitraries.of("50.00", "0.01", "-5.00", "1e30", "0.001", "20000.00")
                    : Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(30), Arbitraries.of("starter", "business", "enterprise",
                            "usp", "firmware-management", "bank-transfer", "stripe", "general", "DE", "correct horse battery staple"));
        };
        return Arbitraries.frequencyOf(Tuple.of(5, fitting), Tuple.of(1, Arbitraries.of(HOSTILE_TEXT)));
    }

    /** A value of any JSON type, for a field that wants another. */
    private static Arbitrary<JsonNode> other() {
        return Arbitraries.of(NODES.numberNode(123), NODES.numberNode(new java.math.BigDecimal("1e30")), NODES.textNode("123"),
                NODES.booleanNode(true), NODES.nullNode(), NODES.objectNode().put("nested", 1), NODES.arrayNode().add(1).add("two"),
                NODES.numberNode(-1), NODES.textNode("\u0000"));
    }

    /** The schema a $ref or a single allOf stands for. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10; i++) {
            if (current.has("$ref")) {
                current = document.at(current.get("$ref").asText().substring(1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
