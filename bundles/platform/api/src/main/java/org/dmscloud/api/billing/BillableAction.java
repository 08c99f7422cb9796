package org.dmscloud.api.billing;

/** The actions that may charge or credit a balance, and so have a quote (R11). */
public enum BillableAction {
    CREATE, ENABLE, CHANGE_SETTINGS, DELETE
}
