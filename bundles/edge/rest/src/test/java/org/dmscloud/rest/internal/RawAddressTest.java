package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** The addresses a careless client sends raw, which the JAX-RS runtime cannot make a URI of: refused before it sees them. */
class RawAddressTest {

    @Test
    void addressesAsRfc3986AllowsThemAreTaken() {
        assertThat(RawAddress.isWellFormed("/api/v1/instances/0b6e2c1a-7f1e-4a8a-9f4e-5b1d2c3e4f5a/settings", null)).isTrue();
        assertThat(RawAddress.isWellFormed("/api/v1/catalog/price", "packageId=business&expectedDevices=2000&optionIds=usp,firmware")).isTrue();
        assertThat(RawAddress.isWellFormed("/api/v1/instances/%7Bid%7D", "search=a%20b&x=(1)*'!~:@/?")).isTrue();
        assertThat(RawAddress.isWellFormed("/", "")).isTrue();
    }

    @Test
    void everyCharacterThatCannotStandRawInAnAddressIsRefusedAndJavaAgrees() {
        for (char raw : "{}|^`\"<>\\[] \t#".toCharArray()) {
            String path = "/api/v1/instances/" + raw + "id" + raw;
            assertThat(RawAddress.isWellFormed(path, null)).as("the path %s", path).isFalse();
            assertThat(RawAddress.isWellFormed("/api/v1/catalog/price", "packageId=" + raw)).as("a query with %s", raw).isFalse();
            boolean javaTakesIt;
            try {
                URI.create("http://localhost" + path);
                javaTakesIt = true;
            } catch (IllegalArgumentException e) {
                javaTakesIt = false;
            }
            assertThat(javaTakesIt).as("java.net.URI refuses %s too", path).isFalse();
        }
    }

    @Test
    void aBrokenEscapeOrALetterBeyondAsciiIsRefused() {
        assertThat(RawAddress.isWellFormed("/api/v1/%zz", null)).isFalse();
        assertThat(RawAddress.isWellFormed("/api/v1/%4", null)).isFalse();
        assertThat(RawAddress.isWellFormed("/api/v1/caf\u00e9", null)).isFalse();
        assertThat(RawAddress.isWellFormed("/api/v1/x", "a=%")).isFalse();
    }
}
