package org.dmscloud.shell.internal;

import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceChange;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceNotFoundException;

/** How instances are printed by the commands that list, show or change them. */
final class InstanceText {

    private InstanceText() {
    }

    /** The instance with this id, whoever owns it. */
    static Instance existing(InstanceAdministration instances, String id) {
        InstanceId parsed = InstanceId.parse(id.trim());
        return instances.find(parsed).orElseThrow(() -> new InstanceNotFoundException(parsed));
    }

    static ShellTable table(List<Instance> instances) {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Created (UTC)");
        table.column("Account");
        table.column("Name");
        table.column("Package");
        table.column("Devices").alignRight();
        table.column("Options");
        table.column("State");
        table.column("Paid until (UTC)");
        table.column("Paid rate").alignRight();
        for (Instance instance : instances) {
            table.addRow().addContent(instance.id(), instance.createdAt(), instance.account(), instance.name(),
                    instance.configuration().packageId(), instance.configuration().expectedDevices(),
                    String.join(",", instance.configuration().optionIds()), state(instance), instance.paidUntil(), instance.paidRate());
        }
        return table;
    }

    static void print(Instance instance) {
        System.out.println("Instance:  " + instance.id() + " (" + instance.name() + ") of account " + instance.account());
        System.out.println("Settings:  " + instance.configuration().packageId() + ", " + instance.configuration().expectedDevices()
                + " devices" + (instance.configuration().optionIds().isEmpty() ? "" : ", options " + String.join(", ",
                        instance.configuration().optionIds())));
        System.out.println("State:     " + state(instance));
        System.out.println("Paid:      until " + instance.paidUntil() + " at " + instance.paidRate() + " a day");
        System.out.println("Created:   " + instance.createdAt());
    }

    static void print(InstanceChange change) {
        print(change.instance());
        change.ledgerEntry().ifPresentOrElse(
                entry -> System.out.println("Charged:   " + entry.amount() + " (ledger entry " + entry.id() + ", " + entry.description()
                        + "), balance now " + entry.balanceAfter()),
                () -> System.out.println("Charged:   nothing"));
        if (change.replayed()) {
            System.out.println("(the idempotency key was used before: this is what that action did)");
        }
    }

    private static String state(Instance instance) {
        return instance.state() + instance.disableReason().map(reason -> " (" + reason + ")").orElse("");
    }
}
