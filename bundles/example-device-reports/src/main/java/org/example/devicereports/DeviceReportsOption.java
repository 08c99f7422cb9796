package org.example.devicereports;

import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.tenant.TenantScope;
import org.osgi.service.component.annotations.Component;

/** The option in the catalog of the reseller's customers. */
@Component(property = { AddonOption.OPTION_ID + "=" + DeviceReports.OPTION_ID, TenantScope.PROPERTY + "=" + DeviceReports.TENANT })
public class DeviceReportsOption implements AddonOption {

    @Override
    public String id() {
        return DeviceReports.OPTION_ID;
    }

    @Override
    public String name() {
        return "Device reports";
    }

    @Override
    public String description() {
        return "A daily report of every CPE device of the instance: firmware, uptime and the last contact, by mail.";
    }
}
