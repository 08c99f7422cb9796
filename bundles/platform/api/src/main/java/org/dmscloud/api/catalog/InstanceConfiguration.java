package org.dmscloud.api.catalog;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a customer buys for one instance, and what its daily rate is computed from: a package, the
 * number of CPE devices they expect to manage with it, and the add-on options they chose.
 */
public record InstanceConfiguration(String packageId, long expectedDevices, SortedSet<String> optionIds) {

    public InstanceConfiguration {
        Objects.requireNonNull(packageId, "packageId");
        if (expectedDevices < 1) {
            throw new IllegalArgumentException("the expected number of CPE devices must be at least 1, was " + expectedDevices);
        }
        optionIds = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(optionIds, "optionIds")));
    }

    public static InstanceConfiguration of(String packageId, long expectedDevices, Set<String> optionIds) {
        return new InstanceConfiguration(packageId, expectedDevices, new TreeSet<>(optionIds));
    }
}
