package org.dmscloud.web.internal;

import java.util.List;
import java.util.Map;

/** The models of the instance pages. */
public final class InstanceViews {

    private InstanceViews() {
    }

    /**
     * An instance as a row of the list and the head of its page.
     *
     * @param reason why it is disabled, in words; empty while it is enabled
     */
    public record Row(String id, String name, String packageName, String devices, String options, String state, boolean enabled, String reason,
            String paidUntil, String dailyRate) {

        public String href() {
            return InstancePages.PATH + "/" + id;
        }
    }

    public record ListView(Page page, List<Row> instances, String notice) {

        public ListView {
            instances = List.copyOf(instances);
        }
    }

    /** @param deployment where its deployment stands, in words */
    public record DetailView(Page page, Row instance, String deployment, String notice) {
    }

    /**
     * An instance's devices: its ACS endpoint, the credentials' user name, the counts against its limit, and a page of
     * its devices.
     *
     * @param username  empty until the customer made credentials
     * @param password  the new password, on the page that follows making it only; else empty
     * @param refused   what to do about refused devices, in words; empty when none were
     * @param notice    what the page says first (the password was shown already); empty if nothing
     * @param requestKey the key of the form that makes a password, so that sending it twice makes one
     * @param previous  the address of the page before, empty on the first
     * @param next      the address of the page after, empty on the last
     */
    public record DevicesView(Page page, Row instance, String url, String username, String password, String counts, String refused, String notice,
            String requestKey, String search, List<DeviceRow> devices, String previous, String next) {

        public DevicesView {
            devices = List.copyOf(devices);
        }
    }

    public record DeviceRow(String serialNumber, String productClass, String oui, String softwareVersion, String lastInform) {
    }

    /**
     * The form of a configuration: for a new instance (with its name and whether it starts enabled), or new settings
     * for one.
     *
     * @param action where the form is sent
     */
    public record ConfigurationForm(Page page, String action, boolean create, Fields fields, Calculation calculation, List<Landing.PackageOffer> packages,
            List<Landing.OptionOffer> options, String back) {

        public ConfigurationForm {
            packages = List.copyOf(packages);
            options = List.copyOf(options);
        }
    }

    /**
     * What an action will do, with its quote, before the customer confirms it.
     *
     * @param effect    what it charges or gives back now, in words
     * @param dailyRate the daily rate afterwards, with its lines; empty when the instance is not billed daily afterwards
     * @param hidden    the action's fields, sent again with the confirmation (the quote's id among them)
     * @param error     why the action could not be done (too little balance, the price changed); empty if nothing failed
     * @param topUp     whether to offer a top-up (the balance is too low)
     */
    /**
     * An action's confirmation.
     *
     * @param balance   the balance, in words; empty where nothing is charged
     * @param shortfall what to top up before the action can be paid, in words; empty when the balance covers it
     */
    public record ConfirmView(Page page, String action, String effect, String rule, String dailyRate, List<Calculation.PriceLine> lines,
            Map<String, List<String>> hidden, String confirm, String back, String error, String balance, String shortfall) {

        public ConfirmView {
            lines = List.copyOf(lines);
            hidden = Map.copyOf(hidden);
        }
    }
}
