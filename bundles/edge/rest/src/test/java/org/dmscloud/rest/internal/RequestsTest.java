package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.customer.InvalidInputException;
import org.junit.jupiter.api.Test;

class RequestsTest {

    @Test
    void withoutOptionsAConfigurationHasNone() {
        assertThat(Requests.configuration("starter", 100L, null)).isEqualTo(InstanceConfiguration.of("starter", 100, java.util.Set.of()));
        assertThat(Requests.configuration("starter", 100L, List.of()).optionIds()).isEmpty();
    }

    @Test
    void missingAndNonsensicalFieldsAreNamed() {
        assertThatThrownBy(() -> Requests.configuration(null, null, null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fields()).containsOnlyKeys("packageId", "expectedDevices"));
        assertThatThrownBy(() -> Requests.configuration("starter", 0L, null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fields()).containsOnlyKeys("expectedDevices"));
        assertThatThrownBy(() -> Requests.configuration("starter", 10L, Arrays.asList("usp", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields()).containsOnlyKeys("optionIds"));
    }

    @Test
    void aRepeatedOptionIsRefusedNotSilentlyMerged() {
        assertThatThrownBy(() -> Requests.configuration("starter", 10L, List.of("usp", "usp")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields()).containsEntry("optionIds", "'usp' is listed more than once."));
    }

    @Test
    void idsThatNoPluginCouldHaveAreRefusedBeforeAnyLookUp() {
        for (String id : List.of("Starter", "star ter", "x".repeat(64), "st\u0000arter", "")) {
            assertThatThrownBy(() -> Requests.configuration(id, 10L, null)).as(id).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> Requests.configuration("starter", 10L, List.of(id))).as(id).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void anInstanceNameIsOneLineThatPrintsAsItReads() {
        assertThat(Requests.instanceName("  My ACS  ")).isEqualTo("My ACS");
        for (String name : List.of("", "   ", "x".repeat(101), "ACS\u0000", "line\nbreak", "\u202Egnp.exe", "iso\u2066late", "half \uD800")) {
            assertThatThrownBy(() -> Requests.instanceName(name)).as(name).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.fields()).containsOnlyKeys("name"));
        }
        assertThat(Requests.instanceName("Zürich ACS 🚀")).isEqualTo("Zürich ACS 🚀");
    }

    @Test
    void anIdempotencyKeyIsOneTo200PrintableCharacters() {
        assertThat(Requests.idempotencyKey(null)).isEmpty();
        assertThat(Requests.idempotencyKey("create-1")).contains("create-1");
        for (String key : List.of("", " ", "k".repeat(201), "tab\tkey", "ü")) {
            assertThatThrownBy(() -> Requests.idempotencyKey(key)).as(key).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void anAmountTooLargeOrMalformedIsRefusedNamingTheField() {
        for (String amount : List.of("1e30", "99999999999999999999999.99", "9223372036854775808", "1e-999999999", "1.005", "fifty", "NaN")) {
            assertThatThrownBy(() -> Requests.money("amount", new MoneyView(amount, "EUR"))).as(amount)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields()).containsOnlyKeys("amount"));
        }
        assertThat(Requests.money("amount", new MoneyView("50.00", "EUR")).minorUnits()).isEqualTo(5_000);
    }
}
