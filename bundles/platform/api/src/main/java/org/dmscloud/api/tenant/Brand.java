package org.dmscloud.api.tenant;

import java.util.Objects;

/**
 * What a tenant's customers see of it: in every mail (its name, support address and sender), on its
 * invoices (the seller) and in the links mails carry (to its portal).
 *
 * @param portalUrl the base its customers reach it at, such as {@code https://portal.acme.example}
 */
public record Brand(String name, String supportAddress, String mailFrom, String portalUrl) {

    public Brand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(supportAddress, "supportAddress");
        Objects.requireNonNull(mailFrom, "mailFrom");
        Objects.requireNonNull(portalUrl, "portalUrl");
    }
}
