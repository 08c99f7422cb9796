package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

/** Sign-in and contact limits count against the client's address, which a client must not be able to choose. */
class RequestClientTest {

    private static final String LOAD_BALANCER = "10.0.0.2";

    @Test
    void withoutATrustedHeaderTheConnectionsAddressCountsWhateverTheClientSends() {
        HttpServletRequest request = request(LOAD_BALANCER, Map.of("X-Forwarded-For", "192.0.2.99"));

        assertThat(RequestClient.find(request, "")).isEqualTo(LOAD_BALANCER);
    }

    @Test
    void behindATrustedProxyTheAddressItSawCounts() {
        assertThat(RequestClient.find(request(LOAD_BALANCER, Map.of("X-Forwarded-For", "198.51.100.7")), "X-Forwarded-For"))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void addressesAClientPutBeforeTheProxysAreNotTheClients() {
        HttpServletRequest forged = request(LOAD_BALANCER, Map.of("X-Forwarded-For", "192.0.2.99, 203.0.113.5 ,198.51.100.7"));

        assertThat(RequestClient.find(forged, "X-Forwarded-For")).isEqualTo("198.51.100.7");
    }

    @Test
    void aMissingOrEmptyTrustedHeaderFallsBackToTheConnection() {
        assertThat(RequestClient.find(request(LOAD_BALANCER, Map.of()), "X-Forwarded-For")).isEqualTo(LOAD_BALANCER);
        assertThat(RequestClient.find(request(LOAD_BALANCER, Map.of("X-Forwarded-For", "198.51.100.7, ")), "X-Forwarded-For"))
                .isEqualTo(LOAD_BALANCER);
    }

    @Test
    void anOverlongAddressIsCut() {
        assertThat(RequestClient.find(request(LOAD_BALANCER, Map.of("X-Forwarded-For", "f".repeat(5000))), "X-Forwarded-For")).hasSize(64);
    }

    private static HttpServletRequest request(String remoteAddress, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(), new Class<?>[] { HttpServletRequest.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                case "getRemoteAddr" -> remoteAddress;
                case "getHeader" -> headers.get((String) arguments[0]);
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
