package org.dmscloud.api.acs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A CPE device as its Informs tell it.
 *
 * @param oui                  its manufacturer's organizationally unique identifier, six hex digits
 * @param connectionRequestUrl where the ACS may ask it to open a session; blank if it gave none
 * @param lastEvents           the event codes of its last Inform, e.g. {@code 1 BOOT}, {@code 2 PERIODIC}
 */
public record Device(String id, String oui, String productClass, String serialNumber, String manufacturer, String softwareVersion,
        String connectionRequestUrl, List<String> lastEvents, Instant firstInformAt, Instant lastInformAt) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(oui, "oui");
        Objects.requireNonNull(productClass, "productClass");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(connectionRequestUrl, "connectionRequestUrl");
        lastEvents = List.copyOf(lastEvents);
        Objects.requireNonNull(firstInformAt, "firstInformAt");
        Objects.requireNonNull(lastInformAt, "lastInformAt");
    }
}
