package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** The description the portal serves, made by swagger-core from every resource of this bundle, checked by swagger-parser. */
class OpenApiDocumentTest {

    private static final List<Class<?>> RESOURCES = List.of(InstancesResource.class, AuthResource.class, CatalogResource.class,
            QuotesResource.class, AccountResource.class, TopUpsResource.class, PaymentProvidersResource.class, ContactResource.class,
            HealthResource.class, OpenApiResource.class);

    private final JsonNode document = OpenApiDocument.json(OpenApiDocument.of("1.2.3", RESOURCES));

    @Test
    void theDocumentIsValidOpenApiAsAMaintainedValidatorReadsIt() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.toString(), null, options);

        assertThat(parsed.getMessages()).as("what the validator found wrong").isEmpty();
        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/instances", "/instances/{id}/enable", "/auth/sign-in", "/account/top-ups");
    }

    @Test
    void everyOperationOfTheResourcesIsDescribedAndAnswersProblemsAsProblemJson() {
        assertThat(document.get("openapi").asText()).startsWith("3.0");
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/api/v1");
        JsonNode paths = document.get("paths");
        assertThat(paths.at("/~1instances/post/operationId").asText()).isEqualTo("create");
        assertThat(paths.at("/~1instances~1{id}~1settings/put/parameters/0/in").asText()).isEqualTo("path");
        assertThat(paths.at("/~1instances~1{id}/delete/summary").asText()).isEqualTo("Delete");
        assertThat(paths.at("/~1auth~1sign-in/post/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/SignIn");
        assertThat(paths.has("/openapi.json")).as("the description does not describe itself").isFalse();
        paths.forEach(item -> item.forEach(operation -> {
            assertThat(operation.at("/responses/4XX/content/application~1problem+json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/Problem");
            assertThat(operation.get("responses").has("default")).isFalse();
        }));
    }

    @Test
    void aProblemsDocumentedMembersAreItsPropertiesAndABundlesOwnAreNotCalledExtensions() {
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(problem.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "title", "status", "detail", "errors", "needed", "balance",
                "item");
    }

    /** Operations answering a Response had no schema; enums, ids and optional fields had no shape; nothing was required. */
    @Test
    void answersOfEveryOperationHaveTheirSchema() {
        assertThat(document.at("/paths/~1instances/post/responses/201/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/InstanceChangeView");
        assertThat(document.at("/paths/~1instances~1{id}~1enable/post/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/InstanceChangeView");
        assertThat(document.at("/paths/~1account~1top-ups/post/responses/201/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/TopUpView");
        assertThat(document.at("/paths/~1auth~1sign-in/post/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/SessionView");
        assertThat(document.at("/paths/~1health/get/responses/503/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Health");
        assertThat(document.at("/paths/~1auth~1sign-out/post/responses").has("204")).isTrue();
    }

    @Test
    void enumsIdsAndInstantsHaveTheirShapeAndFieldsSayWhetherTheyAreRequired() {
        JsonNode schemas = document.at("/components/schemas");
        JsonNode instance = schemas.get("InstanceView");
        assertThat(instance.at("/properties/state/enum")).extracting(JsonNode::asText).containsExactly("ENABLED", "DISABLED", "DELETED");
        assertThat(instance.at("/properties/id/format").asText()).isEqualTo("uuid");
        assertThat(instance.at("/properties/paidUntil/format").asText()).isEqualTo("date-time");
        assertThat(instance.at("/properties/disableReason/nullable").asBoolean()).isTrue();
        assertThat(instance.get("required")).extracting(JsonNode::asText).contains("id", "state", "paidUntil", "paidRate")
                .doesNotContain("disableReason");
        assertThat(schemas.at("/CreateInstance/required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("name", "packageId", "expectedDevices", "enabled");
        assertThat(schemas.at("/CreateInstance/properties/quoteId/format").asText()).isEqualTo("uuid");
        assertThat(schemas.at("/QuoteFor/required")).extracting(JsonNode::asText).containsExactly("action");
        assertThat(schemas.at("/QuoteFor/properties/action/enum")).extracting(JsonNode::asText)
                .containsExactly("CREATE", "ENABLE", "CHANGE_SETTINGS", "DELETE");
        assertThat(schemas.at("/TopUpView/properties/status/enum")).extracting(JsonNode::asText).contains("PENDING", "PAID");
        assertThat(schemas.at("/LedgerEntryView/properties/type/enum")).extracting(JsonNode::asText).contains("DAILY_CHARGE", "CREDIT");
        assertThat(schemas.at("/Problem/required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(schemas.at("/MoneyView/required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("amount", "currency");
        // A field that may be null says so itself; the shared schema of its type stays as it is for every other field.
        assertThat(schemas.at("/LedgerEntryView/properties/rate/nullable").asBoolean()).isTrue();
        assertThat(schemas.at("/LedgerEntryView/properties/rate/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/MoneyView");
        assertThat(schemas.at("/InstanceChangeView/properties/ledgerEntry/nullable").asBoolean()).isTrue();
        for (String shared : List.of("MoneyView", "LedgerEntryView", "BillingDetails", "BillingDetailsRequest", "FieldError")) {
            assertThat(schemas.get(shared).has("nullable")).as(shared).isFalse();
        }
    }

    @Test
    void securedOperationsNeedABearerTokenAndPublicOnesDoNot() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/paths/~1instances/get/security/0").has("bearer")).isTrue();
        assertThat(document.at("/paths/~1auth~1sign-out/post/security/0").has("bearer")).isTrue();
        assertThat(document.at("/paths/~1auth~1sign-in/post").has("security")).isFalse();
        assertThat(document.at("/paths/~1catalog/get").has("security")).isFalse();
    }
}
