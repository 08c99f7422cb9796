package org.dmscloud.api.acs;

import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.instance.InstanceId;

/**
 * An instance's CWMP endpoint as its customer sees it.
 *
 * @param path            the endpoint's path at each of its tenant's host names, e.g. {@code /cwmp/<instance>}
 * @param username        the devices' user name; empty until the customer asks for credentials
 * @param expectedDevices the instance's limit: it takes this many devices
 * @param devices         the devices it knows
 * @param refusedDevices  distinct new devices it refused, being full
 */
public record AcsEndpoint(InstanceId instance, String path, Optional<String> username, long expectedDevices, long devices, long refusedDevices) {

    public AcsEndpoint {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(username, "username");
    }
}
