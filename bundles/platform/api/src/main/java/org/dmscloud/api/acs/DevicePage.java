package org.dmscloud.api.acs;

import java.util.List;

/**
 * A page of an instance's devices.
 *
 * @param total how many devices match the search in all
 */
public record DevicePage(List<Device> devices, long total, int offset, int limit) {

    public DevicePage {
        devices = List.copyOf(devices);
    }
}
