package org.dmscloud.payment.banktransfer.internal;

import java.util.regex.Pattern;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.spi.payment.PaymentProvider;
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

    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final String PLATFORM_PREFIX = "DMS";

    @Activate
    public TenantBankTransferProvider(BankTransferConfiguration configuration) {
        super(checkedId(configuration), "etc/" + BankTransferConfiguration.TENANT_FACTORY_PID + "-<name>.cfg of tenant "
                + configuration.dms_tenant(), configuration);
    }

    private static String checkedId(BankTransferConfiguration configuration) {
        new TenantId(java.util.Objects.toString(configuration.dms_tenant(), "").trim()); // throws, naming what a tenant id is
        String id = java.util.Objects.toString(configuration.dms_payment_provider_id(), "").trim();
        if (!PROVIDER_ID.matcher(id).matches() || id.equals(ID)) {
            throw new IllegalArgumentException("dms.payment.provider.id '" + id + "' in a " + BankTransferConfiguration.TENANT_FACTORY_PID
                    + " configuration is no provider id of its own: lowercase letters, digits and '-', such as bank-transfer-acme");
        }
        if (configuration.invoicePrefix().trim().equalsIgnoreCase(PLATFORM_PREFIX)) {
            throw new IllegalArgumentException("invoicePrefix in the " + BankTransferConfiguration.TENANT_FACTORY_PID + " configuration of "
                    + id + " is the platform's: a seller numbers its invoices in a series of its own, such as ACME");
        }
        return id;
    }
}
