package org.dmscloud.api.instance;

/** Where an instance is in its life. */
public enum InstanceState {
    /** Serving CPE devices, and billed every day. */
    ENABLED,
    /** Refusing CPE devices and not billed; see {@link DisableReason}. */
    DISABLED,
    /** Gone; kept only so that its ledger entries still name it. */
    DELETED
}
