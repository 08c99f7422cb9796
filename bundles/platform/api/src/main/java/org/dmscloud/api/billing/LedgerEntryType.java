package org.dmscloud.api.billing;

/** Why a balance changed. */
public enum LedgerEntryType {
    /** Money paid in through a payment provider. */
    TOP_UP,
    /** The daily run's charge for one instance and one day (R1). */
    DAILY_CHARGE,
    /** Enable or create: the daily rate prorated to the next boundary (R5, R6). */
    PRORATED_CHARGE,
    /** An upgrade: the rate difference prorated over the rest of the coverage (R7). */
    SETTINGS_CHANGE_CHARGE,
    /** A downgrade or a delete: the unused part of the coverage given back (R8, R9). */
    CREDIT,
    /** A correction by an operator, with the reason and the operator's name. */
    ADMIN_ADJUSTMENT
}
