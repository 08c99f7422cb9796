package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

class PortalServicesTest {

    @Test
    void aComponentWaitingForAServiceOrFailedIsNotRunning() {
        Map<String, List<ComponentConfigurationDTO>> states = Map.of(
                "AuthResource", List.of(configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE)),
                "CatalogResource", List.of(configuration(ComponentConfigurationDTO.FAILED_ACTIVATION)),
                "HealthResource", List.of(configuration(ComponentConfigurationDTO.ACTIVE)),
                "TopUpsResource", List.of(configuration(ComponentConfigurationDTO.SATISFIED)));

        assertThat(PortalServices.notRunning(descriptions(states), d -> states.get(d.name)))
                .containsExactly("AuthResource", "CatalogResource");
    }

    @Test
    void aComponentWaitingForTheOperatorsConfigurationCountsAsRunning() {
        Map<String, List<ComponentConfigurationDTO>> states = Map.of(
                "NeedsConfiguration", List.of(),
                "Configured", List.of(configuration(ComponentConfigurationDTO.ACTIVE)));

        assertThat(PortalServices.notRunning(descriptions(states), d -> states.get(d.name))).isEmpty();
    }

    private static List<ComponentDescriptionDTO> descriptions(Map<String, ?> names) {
        return names.keySet().stream().map(name -> {
            ComponentDescriptionDTO description = new ComponentDescriptionDTO();
            description.name = name;
            return description;
        }).toList();
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        return configuration;
    }
}
