package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class OpenApiDocumentTest {

    private final JsonNode document = OpenApiDocument.of("1.2.3", List.of(InstancesResource.class, AuthResource.class, CatalogResource.class,
            QuotesResource.class, AccountResource.class, HealthResource.class));

    @Test
    void everyOperationOfTheResourcesIsDescribed() {
        assertThat(document.get("openapi").asText()).isEqualTo("3.0.3");
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/api/v1");
        JsonNode paths = document.get("paths");
        assertThat(paths.has("/instances")).isTrue();
        assertThat(paths.at("/~1instances/post/operationId").asText()).isEqualTo("create");
        assertThat(paths.at("/~1instances~1{id}~1settings/put/parameters/0/in").asText()).isEqualTo("path");
        assertThat(paths.at("/~1instances~1{id}/delete/summary").asText()).isEqualTo("Delete");
        assertThat(paths.at("/~1auth~1sign-in/post/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/SignIn");
        assertThat(paths.has("/health")).isTrue();
        assertThat(paths.has("/quotes")).isTrue();
        assertThat(paths.has("/account/ledger")).isTrue();
    }

    @Test
    void securedOperationsNeedABearerTokenAndPublicOnesDoNot() {
        assertThat(document.at("/paths/~1instances/get/security/0").has("bearer")).isTrue();
        assertThat(document.at("/paths/~1auth~1sign-out/post/security/0").has("bearer")).isTrue();
        assertThat(document.at("/paths/~1auth~1sign-in/post").has("security")).isFalse();
        assertThat(document.at("/paths/~1catalog/get").has("security")).isFalse();
    }

    @Test
    void recordsBecomeSchemasWithTheirFields() {
        JsonNode view = document.at("/components/schemas/InstanceView/properties");
        assertThat(view.at("/paidUntil/format").asText()).isEqualTo("date-time");
        assertThat(view.at("/expectedDevices/type").asText()).isEqualTo("integer");
        assertThat(view.at("/paidRate/$ref").asText()).isEqualTo("#/components/schemas/MoneyView");
        assertThat(view.at("/optionIds/type").asText()).isEqualTo("array");
        assertThat(document.at("/components/schemas/Problem/properties/errors/items/$ref").asText())
                .isEqualTo("#/components/schemas/FieldError");
    }
}
