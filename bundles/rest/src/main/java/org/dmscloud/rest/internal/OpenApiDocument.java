package org.dmscloud.rest.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.FormParam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3 description of the portal API, read off the resource classes themselves (their JAX-RS
 * annotations and the records they take and answer), so that it cannot drift from what is served.
 */
final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Class<? extends java.lang.annotation.Annotation>> METHODS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class);

    private final ObjectNode document = JSON.createObjectNode();
    private final ObjectNode paths;
    private final ObjectNode schemas;

    private OpenApiDocument(String version) {
        document.put("openapi", "3.0.3");
        ObjectNode info = document.putObject("info");
        info.put("title", "DMS Cloud portal API");
        info.put("version", version);
        info.put("description", "Every error is application/problem+json (RFC 9457) with a stable type under " + Problem.TYPE_BASE
                + ". Money is {\"amount\": \"24.00\", \"currency\": \"EUR\"}; instants are UTC ISO 8601.");
        document.putArray("servers").addObject().put("url", "/" + PortalApplication.BASE);
        paths = document.putObject("paths");
        ObjectNode components = document.putObject("components");
        schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
        schema(Problem.class);
    }

    /** The description of these resource classes, sorted by path. */
    static ObjectNode of(String version, List<Class<?>> resources) {
        OpenApiDocument openApi = new OpenApiDocument(version);
        resources.stream().sorted(Comparator.comparing(Class::getName)).forEach(openApi::add);
        return openApi.document;
    }

    private void add(Class<?> resource) {
        String base = pathOf(resource.getAnnotation(Path.class));
        boolean securedClass = resource.isAnnotationPresent(Secured.class);
        Method[] methods = resource.getMethods();
        java.util.Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            for (Class<? extends java.lang.annotation.Annotation> http : METHODS) {
                if (method.isAnnotationPresent(http)) {
                    String path = base + pathOf(method.getAnnotation(Path.class));
                    ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
                    operation(item.putObject(http.getSimpleName().toLowerCase(Locale.ROOT)), resource, method,
                            securedClass || method.isAnnotationPresent(Secured.class));
                }
            }
        }
    }

    private void operation(ObjectNode operation, Class<?> resource, Method method, boolean secured) {
        operation.put("operationId", method.getName());
        operation.put("summary", humanize(method.getName()));
        operation.putArray("tags").add(humanize(resource.getSimpleName().replace("Resource", "")));
        ArrayNode parameters = JSON.createArrayNode();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(Context.class)) {
                continue;
            }
            String[] located = located(parameter);
            if (located != null) {
                ObjectNode described = parameters.addObject().put("name", located[1]).put("in", located[0]);
                described.put("required", located[0].equals("path"));
                described.set("schema", schemaOf(parameter.getParameterizedType()));
            } else if (!parameter.isAnnotationPresent(FormParam.class)) {
                ObjectNode content = operation.putObject("requestBody").put("required", true).putObject("content");
                content.putObject(mediaType(method.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class)))
                        .set("schema", schemaOf(parameter.getParameterizedType()));
            }
        }
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        ObjectNode responses = operation.putObject("responses");
        ObjectNode ok = responses.putObject("2XX").put("description", "Done");
        Type answer = method.getGenericReturnType();
        if (answer != javax.ws.rs.core.Response.class && answer != void.class) {
            ok.putObject("content").putObject(mediaType(method.getAnnotation(Produces.class), resource.getAnnotation(Produces.class)))
                    .set("schema", schemaOf(answer));
        }
        responses.putObject("4XX").put("description", "A problem the client can correct").putObject("content")
                .putObject(Problem.MEDIA_TYPE.toString()).putObject("schema").put("$ref", "#/components/schemas/Problem");
        if (secured) {
            operation.putArray("security").addObject().putArray("bearer");
        }
    }

    /** {in, name} of a path, query or header parameter; null for the body. */
    private static String[] located(Parameter parameter) {
        if (parameter.isAnnotationPresent(PathParam.class)) {
            return new String[] { "path", parameter.getAnnotation(PathParam.class).value() };
        }
        if (parameter.isAnnotationPresent(QueryParam.class)) {
            return new String[] { "query", parameter.getAnnotation(QueryParam.class).value() };
        }
        if (parameter.isAnnotationPresent(HeaderParam.class)) {
            return new String[] { "header", parameter.getAnnotation(HeaderParam.class).value() };
        }
        return null;
    }

    private ObjectNode schemaOf(Type type) {
        ObjectNode schema = JSON.createObjectNode();
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                schema.put("type", "array").set("items", schemaOf(generic.getActualTypeArguments()[0]));
            } else if (Map.class.isAssignableFrom(raw)) {
                schema.put("type", "object").set("additionalProperties", schemaOf(generic.getActualTypeArguments()[1]));
            } else {
                schema.put("type", "object");
            }
            return schema;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            schema.put("type", "string");
        } else if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
            schema.put("type", "integer").put("format", raw == int.class || raw == Integer.class ? "int32" : "int64");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == Instant.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (raw == UUID.class) {
            schema.put("type", "string").put("format", "uuid");
        } else if (raw == java.net.URI.class) {
            schema.put("type", "string").put("format", "uri");
        } else if (raw.isRecord()) {
            schema(raw);
            schema.put("$ref", "#/components/schemas/" + raw.getSimpleName());
        } else {
            schema.put("type", "object");
        }
        return schema;
    }

    private void schema(Class<?> record) {
        if (schemas.has(record.getSimpleName())) {
            return;
        }
        ObjectNode schema = schemas.putObject(record.getSimpleName()).put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), schemaOf(component.getGenericType()));
        }
    }

    private static String mediaType(Object... annotations) {
        for (Object annotation : annotations) {
            if (annotation instanceof Consumes consumes) {
                return consumes.value()[0];
            }
            if (annotation instanceof Produces produces) {
                return produces.value()[0];
            }
        }
        return MediaType.APPLICATION_JSON;
    }

    private static String pathOf(Path path) {
        if (path == null || path.value().isEmpty()) {
            return "";
        }
        return path.value().startsWith("/") ? path.value() : "/" + path.value();
    }

    /** "changeSettings" → "Change settings". */
    static String humanize(String name) {
        String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
