package org.dmscloud.shell.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.money.Money;

/** What the billing commands share: reading a day, and printing runs and totals. */
final class BillingText {

    private BillingText() {
    }

    /** The day given, or today (UTC) by the platform clock. */
    static LocalDate day(String text, Clock clock) {
        if (text == null) {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is no day: write it like 2026-11-26");
        }
    }

    static String totals(List<Money> totals) {
        return totals.isEmpty() ? "nothing" : totals.stream().map(Money::toString).collect(Collectors.joining(" + "));
    }

    static ShellTable runs(List<BillingRun> runs) {
        ShellTable table = new ShellTable();
        table.column("Run").alignRight();
        table.column("Day");
        table.column("Node");
        table.column("Status");
        table.column("Started (UTC)");
        table.column("Finished (UTC)");
        table.column("Charged").alignRight();
        table.column("Disabled").alignRight();
        table.column("Skipped").alignRight();
        table.column("Failed").alignRight();
        table.column("Total");
        for (BillingRun run : runs) {
            table.addRow().addContent(run.id(), run.day(), run.node(), run.status(), run.startedAt(),
                    run.finishedAt().map(Object::toString).orElse("-"), run.charged(), run.disabled(), run.skipped(), run.failed(),
                    totals(run.totalCharged()));
        }
        return table;
    }
}
