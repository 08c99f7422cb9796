package org.dmscloud.api.acs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A task of a device, and what the device answered.
 *
 * @param answered    the values a {@link TaskKind#GET_PARAMETER_VALUES} read, or for a failed
 *                    {@link TaskKind#SET_PARAMETER_VALUES} each refused parameter and the device's reason
 * @param faultCode   the device's CWMP fault code (9000-9899) when it refused the task
 */
public record DeviceTask(String id, String deviceId, TaskKind kind, TaskState state, List<String> names, List<ParameterValue> values,
        List<ParameterValue> answered, Optional<Integer> faultCode, Optional<String> faultString, Instant createdAt, Optional<Instant> sentAt,
        Optional<Instant> finishedAt) {

    public DeviceTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        names = List.copyOf(names);
        values = List.copyOf(values);
        answered = List.copyOf(answered);
        Objects.requireNonNull(faultCode, "faultCode");
        Objects.requireNonNull(faultString, "faultString");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
