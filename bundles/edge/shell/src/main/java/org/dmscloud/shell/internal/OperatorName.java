package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.console.Session;

/** Who is at the console, for the records an operator's command leaves (ledger entries, top-up notes). */
final class OperatorName {

    private OperatorName() {
    }

    static String of(Session session) {
        Object user = session.get("USER");
        return user == null ? "karaf" : user.toString();
    }
}
