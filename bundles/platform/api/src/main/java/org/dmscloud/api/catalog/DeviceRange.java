package org.dmscloud.api.catalog;

/**
 * The numbers of expected CPE devices a package is sold for, both ends included.
 */
public record DeviceRange(long min, long max) {

    public DeviceRange {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("a device range needs 1 <= min <= max, was [" + min + ", " + max + "]");
        }
    }

    public boolean contains(long devices) {
        return devices >= min && devices <= max;
    }

    @Override
    public String toString() {
        return min + "–" + max;
    }
}
