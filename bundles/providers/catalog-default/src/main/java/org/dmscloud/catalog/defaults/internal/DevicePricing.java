package org.dmscloud.catalog.defaults.internal;

import java.util.List;

/**
 * A daily price by expected CPE devices: a fixed fee, a minimum, and graduated tiers over started blocks
 * of 100 devices (2,050 devices are 21 blocks).
 */
record DevicePricing(long baseMinor, long minimumMinor, List<Tier> tiers) {

    static final DevicePricing NONE = new DevicePricing(0, 0, List.of());

    DevicePricing {
        tiers = List.copyOf(tiers);
        long previous = 0;
        for (Tier tier : tiers) {
            if (tier.upToDevices() <= previous) {
                throw new IllegalArgumentException("tiers must rise: " + tiers);
            }
            previous = tier.upToDevices();
        }
    }

    static DevicePricing flat(long minor) {
        return new DevicePricing(minor, 0, List.of());
    }

    /** The devices part of the price for {@code devices} devices, in minor units. */
    long devicesMinor(long devices) {
        long blocks = blocksOf(devices);
        long total = 0;
        long counted = 0;
        for (Tier tier : tiers) {
            long tierBlocks = tier.upToDevices() == Tier.UNLIMITED ? Long.MAX_VALUE : blocksOf(tier.upToDevices());
            long inTier = Math.min(blocks, tierBlocks) - counted;
            if (inTier <= 0) {
                break;
            }
            total = Math.addExact(total, Math.multiplyExact(inTier, tier.per100Minor()));
            counted += inTier;
        }
        return Math.max(total, Math.max(0, minimumMinor - baseMinor));
    }

    private static long blocksOf(long devices) {
        return (devices + 99) / 100;
    }
}
