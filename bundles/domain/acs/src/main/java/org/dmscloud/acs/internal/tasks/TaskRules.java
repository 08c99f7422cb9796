package org.dmscloud.acs.internal.tasks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dmscloud.api.acs.NewTask;
import org.dmscloud.api.acs.ParameterValue;
import org.dmscloud.api.customer.InvalidInputException;

/** What a task may ask of a device: what TR-069's RPCs take, in sizes a device and the ACS can handle. */
final class TaskRules {

    static final int MAX_PARAMETERS = 100;
    static final int MAX_NAME = 256;
    static final int MAX_VALUE = 4096;
    /** TR-069 parameter paths: names, instance numbers and aliases, separated by dots. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]+(\\.([A-Za-z0-9_\\-]+|\\[[A-Za-z0-9_\\-]+\\]))*\\.?");
    private static final Set<String> TYPES = Set.of("xsd:string", "xsd:int", "xsd:unsignedInt", "xsd:long", "xsd:unsignedLong", "xsd:boolean",
            "xsd:dateTime", "xsd:base64", "xsd:hexBinary");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,20}");
    private static final Pattern UNSIGNED = Pattern.compile("[0-9]{1,20}");

    private TaskRules() {
    }

    static void check(NewTask task) {
        switch (task.kind()) {
        case REBOOT, FACTORY_RESET -> {
            if (!task.names().isEmpty() || !task.values().isEmpty()) {
                throw invalid("kind", "A " + task.kind() + " takes no names and no values.");
            }
        }
        case GET_PARAMETER_VALUES -> {
            size("names", task.names());
            if (!task.values().isEmpty()) {
                throw invalid("values", "Reading parameters takes their names only.");
            }
            for (String name : task.names()) {
                name("names", name);
            }
        }
        case SET_PARAMETER_VALUES -> {
            size("values", task.values());
            if (!task.names().isEmpty()) {
                throw invalid("names", "Setting parameters takes values, each with its name.");
            }
            for (ParameterValue value : task.values()) {
                check(value);
            }
        }
        }
    }

    private static void check(ParameterValue value) {
        name("values", value.name());
        if (value.name().endsWith(".")) {
            throw invalid("values", value.name() + " is an object; a value is set on a parameter.");
        }
        if (!TYPES.contains(value.type())) {
            throw invalid("values", "The type of " + value.name() + " is one of " + String.join(", ", TYPES.stream().sorted().toList()) + ".");
        }
        if (value.value().length() > MAX_VALUE) {
            throw invalid("values", "The value of " + value.name() + " is longer than " + MAX_VALUE + " characters.");
        }
        boolean fits = switch (value.type()) {
        case "xsd:int", "xsd:long" -> INTEGER.matcher(value.value()).matches();
        case "xsd:unsignedInt", "xsd:unsignedLong" -> UNSIGNED.matcher(value.value()).matches();
        case "xsd:boolean" -> Set.of("true", "false", "0", "1").contains(value.value());
        default -> true;
        };
        if (!fits) {
            throw invalid("values", "'" + value.value() + "' is not a value of type " + value.type() + " for " + value.name() + ".");
        }
    }

    private static void size(String field, List<?> items) {
        if (items.isEmpty() || items.size() > MAX_PARAMETERS) {
            throw invalid(field, "Give 1 to " + MAX_PARAMETERS + " parameters.");
        }
    }

    private static void name(String field, String name) {
        if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            throw invalid(field, "'" + (name.length() > 80 ? name.substring(0, 80) + "…" : name)
                    + "' is not a parameter name (such as Device.ManagementServer.PeriodicInformInterval).");
        }
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }
}
