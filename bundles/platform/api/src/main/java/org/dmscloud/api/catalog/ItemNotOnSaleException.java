package org.dmscloud.api.catalog;

/**
 * A package or option that no plugin supplies or prices now: never installed, or withdrawn (its bundle
 * stopped, uninstalled or being updated). What needs its current price is refused (BILLING-RULES.md R12);
 * instances that already have it go on at the rate last paid.
 */
public class ItemNotOnSaleException extends InvalidConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String item;

    /** @param field {@code packageId} or {@code optionIds}; @param item the package or option id */
    public ItemNotOnSaleException(String field, String item, String message) {
        super(field, message);
        this.item = item;
    }

    /** The id of the package or option that is not on sale. */
    public String item() {
        return item;
    }
}
