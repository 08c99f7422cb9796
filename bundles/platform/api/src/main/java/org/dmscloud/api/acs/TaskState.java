package org.dmscloud.api.acs;

/** Where a device task is: waiting for the device's next session, sent in it, answered, or refused by the device. */
public enum TaskState {
    QUEUED,
    /** Sent in a session the device did not answer yet; sent again in its next session if that one broke off. */
    SENT,
    DONE,
    FAILED
}
