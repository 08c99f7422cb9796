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

    public record DetailView(Page page, Row instance, String notice) {
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
    public record ConfirmView(Page page, String action, String effect, String rule, String dailyRate, List<Calculation.PriceLine> lines,
            Map<String, List<String>> hidden, String confirm, String back, String error, boolean topUp) {

        public ConfirmView {
            lines = List.copyOf(lines);
            hidden = Map.copyOf(hidden);
        }
    }
}
