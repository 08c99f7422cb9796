package org.dmscloud.persistence.testing;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component's typed configuration for tests: the annotation's defaults, as DS would hand them over
 * with no configuration, with some values overridden.
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
            return overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue();
        }));
    }
}
