package org.dmscloud.api.acs;

import java.util.Objects;

/**
 * A parameter of a device's data model and its value, e.g. {@code Device.ManagementServer.PeriodicInformInterval}.
 *
 * @param type the value's XML schema type as TR-069 sends it ({@code xsd:string}, {@code xsd:unsignedInt},
 *             {@code xsd:boolean}...)
 */
public record ParameterValue(String name, String value, String type) {

    public ParameterValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
    }
}
