package org.dmscloud.api.acs;

import org.dmscloud.api.problem.ApiProblem;

/** No device with this id informed this instance. */
public class DeviceNotFoundException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    public DeviceNotFoundException(String deviceId) {
        super("There is no device " + deviceId + " at this instance.");
    }

    @Override
    public String problemType() {
        return "not-found";
    }

    @Override
    public int problemStatus() {
        return 404;
    }
}
