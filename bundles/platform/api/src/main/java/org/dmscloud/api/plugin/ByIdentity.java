package org.dmscloud.api.plugin;

/**
 * A plugin's service as a map key, by its identity: the service's own {@code equals} and {@code hashCode} are
 * code the platform does not control, and may throw, hang or lie.
 */
public record ByIdentity<T>(T service) {

    @Override
    public boolean equals(Object other) {
        return other instanceof ByIdentity<?> key && key.service == service;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(service);
    }

    /** The service's class name, for the log: read without calling the service. */
    public String className() {
        return service.getClass().getName();
    }

    @Override
    public String toString() {
        return className() + "@" + Integer.toHexString(hashCode());
    }
}
