package org.dmscloud.payment.stripe.internal;

import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.payment.TenantAccount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Card top-ups into a tenant's own Stripe account: one per factory configuration
 * {@code etc/org.dmscloud.payment.stripe.tenant-<name>.cfg}, which names the tenant ({@code dms.tenant}) and the
 * provider's id ({@code dms.payment.provider.id}, such as {@code stripe-acme}). Both become service properties,
 * so that only that tenant's customers pay through it; its webhook endpoint is
 * {@code /api/v1/payments/stripe/webhook/<id>}. A configuration without them is refused, as it would take
 * money for nobody knows whom.
 */
@Component(service = { PaymentProvider.class, StripePaymentProvider.class }, configurationPid = StripeConfiguration.TENANT_FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = StripeConfiguration.class, factory = true)
public class TenantStripePaymentProvider extends StripePaymentProvider {

    @Activate
    public TenantStripePaymentProvider(StripeConfiguration configuration) {
        super(checkedId(configuration), "etc/" + StripeConfiguration.TENANT_FACTORY_PID + "-<name>.cfg of tenant " + configuration.dms_tenant(),
                configuration);
    }

    private static String checkedId(StripeConfiguration configuration) {
        return TenantAccount.configured(configuration.dms_tenant(), configuration.dms_payment_provider_id(), ID,
                StripeConfiguration.TENANT_FACTORY_PID).providerId();
    }
}
