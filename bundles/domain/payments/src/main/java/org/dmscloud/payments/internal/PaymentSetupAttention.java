package org.dmscloud.payments.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.health.CachedAttention;
import org.dmscloud.api.health.OperatorAttention;
import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.PaymentProviders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the operators when the platform's own customers have no way to pay (health's attention, dms:setup-check): a
 * first start sells nothing until a payment provider is configured. Asked of the providers at most every 30 s, since
 * health is asked every second.
 */
@Component(service = OperatorAttention.class)
public class PaymentSetupAttention implements OperatorAttention {

    private static final Duration FRESH = Duration.ofSeconds(30);

    private final PaymentProviders providers;
    private final CachedAttention cached;

    @Activate
    public PaymentSetupAttention(@Reference PaymentProviders providers, @Reference Clock clock) {
        this.providers = providers;
        this.cached = new CachedAttention(clock, FRESH, this::sentences);
    }

    @Override
    public List<String> attention() {
        return cached.attention();
    }

    private List<String> sentences() {
        boolean canPay = providers.providers(TenantId.DEFAULT).stream().anyMatch(PaymentProviderInfo::available);
        return canPay ? List.of()
                : List.of("payments: the platform's customers have no way to pay: configure etc/org.dmscloud.payment.stripe.cfg (cards) or "
                        + "etc/org.dmscloud.payment.banktransfer.cfg (bank transfers); dms:payment-providers says what each lacks");
    }
}
