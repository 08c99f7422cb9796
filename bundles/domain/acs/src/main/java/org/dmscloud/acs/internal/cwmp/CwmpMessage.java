package org.dmscloud.acs.internal.cwmp;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One envelope from a CPE: the CWMP version it speaks (from its namespace), the header's {@code cwmp:ID} (echoed in the
 * ID), and its one RPC: its name and, for an Inform, what it says.
 *
 * @param id     the header's {@code cwmp:ID}; empty when the CPE sent none
 * @param method the RPC's element name: {@code Inform}, {@code TransferComplete}, {@code GetRPCMethods}, or a
 *               response to the ACS's own request ({@code RebootResponse}, {@code Fault}...)
 * @param values for a {@code GetParameterValuesResponse}: the parameters it read, name to value, in its order
 * @param fault  for a {@code Fault}: the CPE's refusal of the ACS's request
 */
public record CwmpMessage(CwmpVersion version, Optional<String> id, String method, Optional<Inform> inform, Optional<String> commandKey,
        Map<String, String> values, Optional<CpeFault> fault) {

    public CwmpMessage {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(inform, "inform");
        Objects.requireNonNull(commandKey, "commandKey");
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        Objects.requireNonNull(fault, "fault");
    }

    public static CwmpMessage of(CwmpVersion version, Optional<String> id, String method) {
        return new CwmpMessage(version, id, method, Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
    }

    /**
     * A CPE's fault (TR-069 A.5.2, codes 9000 to 9899).
     *
     * @param parameterFaults for a refused SetParameterValues: each parameter in error, and its code and reason
     */
    public record CpeFault(int code, String string, Map<String, String> parameterFaults) {

        public CpeFault {
            Objects.requireNonNull(string, "string");
            parameterFaults = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameterFaults));
        }
    }
}
