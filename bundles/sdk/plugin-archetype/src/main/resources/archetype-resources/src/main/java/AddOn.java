package ${package};

/** What this bundle sells, and to whom: the ids the platform stores and the tenant whose customers see it. */
final class AddOn {

    /** The option's id, stored with every instance that has it: never change it once sold. */
    static final String OPTION_ID = "${optionId}";

    /** The reseller whose customers alone see the option ({@code dms.tenant}). */
    static final String TENANT = "${tenant}";

    /** This bundle's symbolic name, under which the platform applies its changelog and keeps its listener's place. */
    static final String BUNDLE = "${bundleSymbolicName}";

    private AddOn() {
    }
}
