package org.dmscloud.acs.internal.cwmp;

import java.util.Objects;
import java.util.Optional;

/**
 * One CWMP message from a CPE: the namespace it speaks, the {@code cwmp:ID} of its header (answered with the same
 * ID), and its one RPC: its name and, for an Inform, what it says.
 *
 * @param id     the header's {@code cwmp:ID}; empty when the CPE sent none
 * @param method the RPC's element name: {@code Inform}, {@code TransferComplete}, {@code GetRPCMethods}, or a
 *               response to the ACS's own request ({@code RebootResponse}, {@code Fault}...)
 */
public record CwmpMessage(CwmpVersion version, Optional<String> id, String method, Optional<Inform> inform, Optional<String> commandKey) {

    public CwmpMessage {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(inform, "inform");
        Objects.requireNonNull(commandKey, "commandKey");
    }
}
