package org.dmscloud.billing.internal;

import org.dmscloud.api.billing.BillableAction;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.InstanceId;

/**
 * Canonical text forms of actions: a quote and the action that carries it, or two requests under one
 * idempotency key, are the same action exactly when their fingerprints are equal.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    static String create(InstanceConfiguration configuration, boolean enabled) {
        return BillableAction.CREATE + "|" + (enabled ? "enabled" : "disabled") + "|" + configuration(configuration);
    }

    static String enable(InstanceId instance) {
        return BillableAction.ENABLE + "|" + instance;
    }

    static String disable(InstanceId instance) {
        return "DISABLE|" + instance;
    }

    static String changeSettings(InstanceId instance, InstanceConfiguration configuration) {
        return BillableAction.CHANGE_SETTINGS + "|" + instance + "|" + configuration(configuration);
    }

    static String delete(InstanceId instance) {
        return BillableAction.DELETE + "|" + instance;
    }

    private static String configuration(InstanceConfiguration configuration) {
        return configuration.packageId() + "|" + configuration.expectedDevices() + "|" + String.join(",", configuration.optionIds());
    }
}
