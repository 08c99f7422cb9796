package org.dmscloud.payment.banktransfer.internal;

import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.payment.TenantAccount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Bank-transfer top-ups into a tenant's own bank account, on invoices the tenant issues as the seller: one per
 * factory configuration {@code etc/org.dmscloud.payment.banktransfer.tenant-<name>.cfg}, which names the tenant
 * ({@code dms.tenant}) and the provider's id ({@code dms.payment.provider.id}, such as {@code bank-transfer-acme}).
 * Both become service properties, so that only that tenant's customers pay through it. Its invoices are numbered
 * in its own series, so a configuration keeping the platform's invoice prefix is refused, as is one without
 * tenant or id.
 */
@Component(service = { PaymentProvider.class, BankTransferProvider.class }, configurationPid = BankTransferConfiguration.TENANT_FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BankTransferConfiguration.class, factory = true)
public class TenantBankTransferProvider extends BankTransferProvider {

    private static final String PLATFORM_PREFIX = "DMS";

    @Activate
    public TenantBankTransferProvider(BankTransferConfiguration configuration) {
        super(checkedId(configuration), "etc/" + BankTransferConfiguration.TENANT_FACTORY_PID + "-<name>.cfg of tenant "
                + configuration.dms_tenant(), configuration);
    }

    private static String checkedId(BankTransferConfiguration configuration) {
        String id = TenantAccount.configured(configuration.dms_tenant(), configuration.dms_payment_provider_id(), ID,
                BankTransferConfiguration.TENANT_FACTORY_PID).providerId();
        if (configuration.invoicePrefix().trim().equalsIgnoreCase(PLATFORM_PREFIX)) {
            throw new IllegalArgumentException("invoicePrefix in the " + BankTransferConfiguration.TENANT_FACTORY_PID + " configuration of "
                    + id + " is the platform's: a seller numbers its invoices in a series of its own, such as ACME");
        }
        return id;
    }
}
