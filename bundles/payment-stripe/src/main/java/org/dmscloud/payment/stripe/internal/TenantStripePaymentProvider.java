package org.dmscloud.payment.stripe.internal;

import java.util.regex.Pattern;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.spi.payment.PaymentProvider;
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

    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    @Activate
    public TenantStripePaymentProvider(StripeConfiguration configuration) {
        super(checkedId(configuration), "etc/" + StripeConfiguration.TENANT_FACTORY_PID + "-<name>.cfg of tenant " + configuration.dms_tenant(),
                configuration);
    }

    private static String checkedId(StripeConfiguration configuration) {
        new TenantId(java.util.Objects.toString(configuration.dms_tenant(), "").trim()); // throws, naming what a tenant id is
        String id = java.util.Objects.toString(configuration.dms_payment_provider_id(), "").trim();
        if (!PROVIDER_ID.matcher(id).matches() || id.equals(ID)) {
            throw new IllegalArgumentException("dms.payment.provider.id '" + id + "' in a " + StripeConfiguration.TENANT_FACTORY_PID
                    + " configuration is no provider id of its own: lowercase letters, digits and '-', such as stripe-acme");
        }
        return id;
    }
}
