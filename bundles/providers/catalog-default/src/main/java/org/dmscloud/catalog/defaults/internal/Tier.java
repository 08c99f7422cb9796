package org.dmscloud.catalog.defaults.internal;

/**
 * One step of a graduated device price: every started block of 100 devices up to {@code upToDevices}
 * (and above the previous tier) costs {@code per100Minor} minor units a day.
 */
record Tier(long upToDevices, long per100Minor) {

    static final long UNLIMITED = Long.MAX_VALUE;

    Tier {
        if (upToDevices < 100 || per100Minor < 0) {
            throw new IllegalArgumentException("a tier covers at least 100 devices at a price that is not negative");
        }
    }
}
