package org.dmscloud.persistence.testing;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component's typed configuration for tests: the annotation's defaults, as DS would hand them over
 * with no configuration, with some values overridden, keyed as in a configuration file (or by element name).
 */
public final class Configurations {

    private Configurations() {
    }

    public static <A> A of(Class<A> type, Map<String, Object> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, arguments) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                case "toString" -> type.getSimpleName() + overrides;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == arguments[0];
                default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            String property = propertyName(method.getName());
            return overrides.containsKey(property) ? overrides.get(property)
                    : overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue();
        }));
    }

    /** The configuration property an element reads, as DS maps it: '_' is '.', '__' is '_' (so dms_tenant() reads dms.tenant). */
    private static String propertyName(String element) {
        return element.replace("__", "\0").replace('_', '.').replace("\0", "_");
    }
}
