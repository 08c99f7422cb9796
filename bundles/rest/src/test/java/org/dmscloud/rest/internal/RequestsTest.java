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
    void repeatedOptionsCountOnce() {
        assertThat(Requests.configuration("starter", 10L, List.of("usp", "usp")).optionIds()).containsExactly("usp");
    }
}
