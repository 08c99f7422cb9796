package org.dmscloud.shell.internal;

import java.util.Arrays;
import java.util.Locale;

/** Reads an option that names one of an enum's values, in any case, with '-' for '_'. */
final class Choices {

    private Choices() {
    }

    /** @throws IllegalArgumentException naming the values to choose from, e.g. "'x' is no account status: say ACTIVE or LOCKED" */
    static <E extends Enum<E>> E of(Class<E> type, String name, String what) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String[] values = Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
            String choices = values.length == 1 ? values[0]
                    : String.join(", ", Arrays.copyOf(values, values.length - 1)) + " or " + values[values.length - 1];
            throw new IllegalArgumentException("'" + name + "' is no " + what + ": say " + choices);
        }
    }

    /** Reads true or false, in any case. @throws IllegalArgumentException naming the option otherwise */
    static boolean bool(String option, String value) {
        String given = value.trim().toLowerCase(Locale.ROOT);
        if (!given.equals("true") && !given.equals("false")) {
            throw new IllegalArgumentException("'" + value + "' is no answer for " + option + ": say true or false");
        }
        return given.equals("true");
    }
}
