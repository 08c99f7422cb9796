package ${package};

import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.tenant.TenantScope;
import org.osgi.service.component.annotations.Component;

/** The option in the catalog of the reseller's customers. */
@Component(property = { AddonOption.OPTION_ID + "=" + AddOn.OPTION_ID, TenantScope.PROPERTY + "=" + AddOn.TENANT })
public class AddOnOption implements AddonOption {

    @Override
    public String id() {
        return AddOn.OPTION_ID;
    }

    @Override
    public String name() {
        return "${optionName}";
    }

    @Override
    public String description() {
        return "${optionDescription}";
    }
}
