package org.dmscloud.rest.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI 3 description of the portal API, made by swagger-core's JAX-RS reader from the resource
 * classes themselves (their JAX-RS and OpenAPI annotations and the records they take and answer), so that it
 * cannot drift from what is served. Added here, for every operation alike: the problem+json answers, a
 * summary from the method's name where it has none, and 200 for the answer the reader calls "default".
 */
final class OpenApiDocument {

    static final String BEARER = "bearer";

    private OpenApiDocument() {
    }

    /** The description of these resource classes. */
    static OpenAPI of(String version, Collection<Class<?>> resources) {
        RecordSchemas.install();
        OpenAPI base = new OpenAPI()
                .info(new Info().title("DMS Cloud portal API").version(version).description("Every error is application/problem+json "
                        + "(RFC 9457) with a stable type under " + Problem.TYPE_BASE + ". Money is {\"amount\": \"24.00\", \"currency\": "
                        + "\"EUR\"}; instants are UTC ISO 8601. Requests are read strictly: a value of another JSON type than its field's, "
                        + "an unknown field or a field given twice is refused."))
                .servers(List.of(new Server().url("/" + PortalApplication.BASE)))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(BEARER)));
        Set<Class<?>> sorted = resources.stream().sorted(Comparator.comparing(Class::getName))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        OpenAPI openApi = new Reader(new SwaggerConfiguration().openAPI(base)).read(sorted);
        ModelConverters.getInstance().readAll(Problem.class).forEach(openApi.getComponents()::addSchemas);
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(OpenApiDocument::complete));
        return openApi;
    }

    /** The description as JSON, written as swagger-core writes it (no nulls, its own names for extensions). */
    static JsonNode json(OpenAPI openApi) {
        return Json.mapper().valueToTree(openApi);
    }

    private static void complete(Operation operation) {
        if (operation.getSummary() == null) {
            operation.setSummary(humanize(operation.getOperationId()));
        }
        ApiResponses responses = operation.getResponses();
        ApiResponse untold = responses.remove("default");
        if (untold != null && responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
            responses.addApiResponse("200", untold.description("Done"));
        }
        Map<String, ApiResponse> ordered = new LinkedHashMap<>(responses);
        ordered.putIfAbsent("4XX", problem("A problem the client can correct: the type and the fields at fault say which."));
        ordered.putIfAbsent("5XX", problem("A failure on our side, with an incident id to quote to support; or the platform is starting."));
        responses.clear();
        responses.putAll(ordered);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(Problem.MEDIA_TYPE.toString(),
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + Problem.class.getSimpleName()))));
    }

    /** "changeSettings" → "Change settings". */
    static String humanize(String name) {
        String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("_\\d+$", "").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
