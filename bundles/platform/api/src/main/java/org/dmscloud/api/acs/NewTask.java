package org.dmscloud.api.acs;

import java.util.List;
import java.util.Objects;

/**
 * A task to queue for a device.
 *
 * @param names  for {@link TaskKind#GET_PARAMETER_VALUES}: the parameters to read (a name ending in {@code .} reads a
 *               whole object)
 * @param values for {@link TaskKind#SET_PARAMETER_VALUES}: the parameters to write
 */
public record NewTask(TaskKind kind, List<String> names, List<ParameterValue> values) {

    public NewTask {
        Objects.requireNonNull(kind, "kind");
        names = List.copyOf(names);
        values = List.copyOf(values);
    }
}
