package org.dmscloud.rest.internal;

import java.util.Map;

import javax.ws.rs.NotFoundException;

import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.payment.TopUpId;

/**
 * Reading path and query parameters ourselves: JAX-RS answers a query parameter it cannot convert with
 * 404, which tells a client nothing; here a bad value is a 400 naming the parameter.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static long positiveLong(String name, String value, long absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(Map.of(name, "A whole number of at least 1."));
    }

    /** Where a page starts: 0 or more, 0 when not given. */
    static int offset(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(Map.of("offset", "A whole number of 0 or more."));
    }

    /** A page size: 1 to {@code max}, {@code absent} when not given. */
    static int limit(String value, int absent, int max) {
        long limit = positiveLong("limit", value, absent);
        if (limit > max) {
            throw new InvalidInputException(Map.of("limit", "At most " + max + " a page."));
        }
        return (int) limit;
    }

    /** A top-up id in a path: a malformed one names no top-up. */
    static TopUpId topUp(String id) {
        try {
            return TopUpId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    /** An instance id in a path: a malformed one names no instance, so there is nothing at that address. */
    static InstanceId instance(String id) {
        try {
            return InstanceId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
