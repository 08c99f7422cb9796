package org.dmscloud.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.dmscloud.spi.catalog.AddonOption;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link AddonOption}: extend it in the plugin's tests and answer {@link #option()}. The id is
 * fit to be stored with every instance that has the option, the texts fit to be shown, and every answer the
 * same each time it is asked.
 */
public abstract class AddonOptionContract {

    /** The option as the plugin registers it. */
    protected abstract AddonOption option();

    @Test
    void itsIdIsFitToBeStoredWithEveryInstance() {
        PluginTexts.assertId("option", option().id());
    }

    @Test
    void itsNameAndDescriptionAreFitToBeShownToCustomers() {
        PluginTexts.assertCustomerText("option name", option().name(), 60);
        PluginTexts.assertCustomerText("option description", option().description(), 500);
    }

    @Test
    void itAnswersTheSameEachTime() {
        AddonOption option = option();
        assertThat(option.id()).isEqualTo(option.id());
        assertThat(option.name()).isEqualTo(option.name());
        assertThat(option.description()).isEqualTo(option.description());
    }
}
