package org.dmscloud.api.acs;

/** What a customer can ask of a CPE device, each a TR-069 RPC the ACS sends in the device's next session. */
public enum TaskKind {
    REBOOT,
    FACTORY_RESET,
    GET_PARAMETER_VALUES,
    SET_PARAMETER_VALUES
}
