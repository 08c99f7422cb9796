package org.dmscloud.acs.internal.cwmp;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CWMP namespaces a CPE may speak (TR-069 amendments 1 to 6 use versions 1.0 to 1.4). The ACS answers in the
 * namespace the CPE used, so that a device of any age understands it.
 */
public enum CwmpVersion {
    V1_0("urn:dslforum-org:cwmp-1-0"),
    V1_1("urn:dslforum-org:cwmp-1-1"),
    V1_2("urn:dslforum-org:cwmp-1-2"),
    V1_3("urn:dslforum-org:cwmp-1-3"),
    V1_4("urn:dslforum-org:cwmp-1-4");

    private final String namespace;

    CwmpVersion(String namespace) {
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    public static Optional<CwmpVersion> ofNamespace(String namespace) {
        return Arrays.stream(values()).filter(version -> version.namespace.equals(namespace)).findFirst();
    }
}
