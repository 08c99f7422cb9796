package org.dmscloud.bench;

import java.lang.reflect.Proxy;

/** A configuration annotation as DS would build it with no configuration: every attribute at its default. */
final class AnnotationDefaults {

    private AnnotationDefaults() {
    }

    static <A> A of(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            Object value = method.getDefaultValue();
            if (value == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + method.getName() + " has no default");
            }
            return value;
        }));
    }
}
