package org.dmscloud.acs.internal.cwmp;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CPE's Inform, as the ACS keeps it: who the device is, why it calls, and the parameters it reports.
 *
 * @param events       the event codes with their command keys, such as {@code 0 BOOTSTRAP}, {@code 2 PERIODIC}
 * @param maxEnvelopes how many envelopes the CPE takes in one HTTP answer (the ACS sends one)
 * @param parameters   the ParameterList, name to value, in the order sent
 */
public record Inform(DeviceId device, List<Event> events, int maxEnvelopes, String currentTime, int retryCount, Map<String, String> parameters) {

    public Inform {
        Objects.requireNonNull(device, "device");
        events = List.copyOf(events);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** What identifies a device: its maker's OUI, its product class and its serial number (TR-069 A.3.3.1). */
    public record DeviceId(String manufacturer, String oui, String productClass, String serialNumber) {
    }

    public record Event(String code, String commandKey) {
    }
}
