package org.dmscloud.payments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.dmscloud.api.account.TenantId;
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
    private final Clock clock;
    private volatile Said said = new Said(Instant.MIN, List.of());

    @Activate
    public PaymentSetupAttention(@Reference PaymentProviders providers, @Reference Clock clock) {
        this.providers = providers;
        this.clock = clock;
    }

    @Override
    public List<String> attention() {
        Instant now = clock.instant();
        Said last = said;
        if (!last.at().isAfter(now) && last.at().plus(FRESH).isAfter(now)) {
            return last.sentences();
        }
        boolean canPay = providers.providers(TenantId.DEFAULT).stream().anyMatch(PaymentProviderInfo::available);
        List<String> sentences = canPay ? List.of()
                : List.of("payments: the platform's customers have no way to pay: configure etc/org.dmscloud.payment.stripe.cfg (cards) or "
                        + "etc/org.dmscloud.payment.banktransfer.cfg (bank transfers); dms:payment-providers says what each lacks");
        said = new Said(now, sentences);
        return sentences;
    }

    private record Said(Instant at, List<String> sentences) {
    }
}
