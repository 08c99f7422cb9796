package org.dmscloud.itests;

import java.util.Map;

/**
 * One request the fuzzer sends: the operation of the OpenAPI document it was made from (such as
 * {@code POST /instances}), and what goes on the wire.
 *
 * @param pathAndQuery the path under the API's base with its parameters filled in and its query, encoded
 * @param body         the bytes of the body, or null for none
 */
record FuzzRequest(String operation, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {

    @Override
    public String toString() {
        return method + " " + pathAndQuery + " " + headers + (body == null ? "" : " body "
                + (body.length > 300 ? new String(body, 0, 300, java.nio.charset.StandardCharsets.UTF_8) + "... (" + body.length + " bytes)"
                        : new String(body, java.nio.charset.StandardCharsets.UTF_8)));
    }
}
