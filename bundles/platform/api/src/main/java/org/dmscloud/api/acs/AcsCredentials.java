package org.dmscloud.api.acs;

import java.util.Objects;

/**
 * What a CPE device is given to inform an instance's endpoint with HTTP Digest, shown once.
 *
 * @param realm the Digest realm the endpoint challenges with
 */
public record AcsCredentials(String username, String password, String realm) {

    public AcsCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(realm, "realm");
    }

    @Override
    public String toString() {
        return "AcsCredentials[" + username + ", password hidden, " + realm + "]";
    }
}
