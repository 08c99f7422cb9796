package org.dmscloud.web.internal;

/**
 * The account page's forms as the customer left them: the Update Account Balance form and the password change.
 *
 * @param topUpError what went wrong with the top-up as a whole; empty if nothing did
 */
record AccountForms(Fields topUp, String topUpError, Fields password) {

    static AccountForms none() {
        return new AccountForms(Fields.empty(), "", Fields.empty());
    }

    static AccountForms topUp(Fields fields, String error) {
        return new AccountForms(fields, error, Fields.empty());
    }

    static AccountForms password(Fields fields) {
        return new AccountForms(Fields.empty(), "", fields);
    }
}
