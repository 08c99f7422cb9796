package org.dmscloud.api.acs;

/** No device with this id informed this instance. */
public class DeviceNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceNotFoundException(String deviceId) {
        super("There is no device " + deviceId + " at this instance.");
    }
}
