package org.dmscloud.payment.stripe.internal;

import java.net.URI;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

import org.dmscloud.api.payment.TopUpLimits;
import org.dmscloud.spi.payment.Availability;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.payment.PaymentProviderException;
import org.dmscloud.spi.payment.ProviderLimits;
import org.dmscloud.spi.payment.TopUpOutcome;
import org.dmscloud.spi.payment.TopUpRequest;
import org.dmscloud.spi.payment.TopUpStart;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;

/**
 * Card top-ups through Stripe Checkout into the platform's Stripe account: a top-up is a Checkout Session in
 * payment mode, created under the top-up's id as idempotency key (a retry never makes a second one), confirmed
 * by the signed webhook ({@link StripeWebhookResource}) or by asking Stripe about the session. A tenant's own
 * account is the same with its own configuration ({@link TenantStripePaymentProvider}).
 */
@Component(service = { PaymentProvider.class, StripePaymentProvider.class }, property = PaymentProvider.PROVIDER_ID + "=" + StripePaymentProvider.ID,
        configurationPid = StripeConfiguration.PID)
@Designate(ocd = StripeConfiguration.class)
public class StripePaymentProvider implements PaymentProvider {

    static final String ID = "stripe";
    /** In the configured success and cancel addresses, where the top-up's id goes: they lead to its own page. */
    static final String TOP_UP_ID_PLACEHOLDER = "{TOP_UP_ID}";

    private static final Logger LOG = LoggerFactory.getLogger(StripePaymentProvider.class);
    private static final String UNREACHABLE = "Card payments cannot be reached right now. Nothing was charged; please try again in a few minutes.";

    private final String id;
    /** Where an operator fixes this account's configuration, for messages. */
    private final String configuredIn;
    private final StripeConfiguration configuration;
    /** Empty without a secret key: nothing can be asked of Stripe then. */
    private final Optional<StripeClient> client;
    private final ProviderLimits limits;
    private final Availability availability;

    @Activate
    public StripePaymentProvider(StripeConfiguration configuration) {
        this(ID, "etc/" + StripeConfiguration.PID + ".cfg", configuration);
    }

    StripePaymentProvider(String id, String configuredIn, StripeConfiguration configuration) {
        this.id = id;
        this.configuredIn = configuredIn;
        this.configuration = configuration;
        this.client = configuration.secretKey().isBlank() ? Optional.empty()
                : Optional.of(StripeClient.builder().setApiKey(configuration.secretKey()).setApiBase(configuration.apiBase())
                        .setMaxNetworkRetries(2).setConnectTimeout(configuration.timeoutSeconds() * 1000)
                        .setReadTimeout(configuration.timeoutSeconds() * 1000).build());
        this.limits = ProviderLimits.parse(configuration.currencies(), configuration.minimum(), configuration.maximum());
        this.availability = check(configuration, limits, configuredIn);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Card (Stripe)";
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public Optional<TopUpLimits> limits(Currency currency) {
        return limits.in(currency);
    }

    @Override
    public boolean needsBillingDetails() {
        return false;
    }

    @Override
    public TopUpStart start(TopUpRequest request) {
        if (!availability.available()) {
            throw new PaymentProviderException("Card payments are not available right now. Nothing was charged.");
        }
        String topUpId = request.topUpId().toString();
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(configuration.successUrl().replace(TOP_UP_ID_PLACEHOLDER, topUpId))
                .setCancelUrl(configuration.cancelUrl().replace(TOP_UP_ID_PLACEHOLDER, topUpId))
                .setClientReferenceId(topUpId)
                .setCustomerEmail(request.customerEmail())
                .putMetadata(StripeSessions.TOP_UP_ID, topUpId)
                .putMetadata("dms_account_id", request.account().toString())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.amount().currencyCode().toLowerCase(Locale.ROOT))
                                .setUnitAmount(request.amount().minorUnits())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(configuration.productName()).build())
                                .build())
                        .build())
                .build();
        Session session = call(() -> stripe().v1().checkout().sessions().create(params,
                RequestOptions.builder().setIdempotencyKey("dms-top-up-" + topUpId).build()));
        return new TopUpStart(session.getId(), Optional.of(URI.create(session.getUrl())),
                "Pay on Stripe's secure page. Your balance is credited as soon as the payment succeeds.", Optional.empty());
    }

    @Override
    public TopUpOutcome check(String sessionId) {
        return StripeSessions.outcome(retrieve(sessionId));
    }

    /** The session as Stripe has it now. @throws PaymentProviderException if Stripe cannot be asked */
    Session retrieve(String sessionId) {
        return call(() -> stripe().v1().checkout().sessions().retrieve(sessionId));
    }

    @Override
    public TopUpOutcome cancel(String sessionId) {
        try {
            return StripeSessions.outcome(stripe().v1().checkout().sessions().expire(sessionId));
        } catch (InvalidRequestException e) {
            // Only an open session can be expired: this one was completed (paid, or paying) or expired already.
            LOG.info("Stripe session {} could not be expired ({}); asking where it stands", sessionId, e.getMessage());
            return check(sessionId);
        } catch (StripeException e) {
            throw failure(e);
        }
    }

    private StripeClient stripe() {
        return client.orElseThrow(() -> new PaymentProviderException("Card payments are not available right now. Nothing was charged."));
    }

    String webhookSecret() {
        return configuration.webhookSecret();
    }

    long webhookToleranceSeconds() {
        return Math.max(1, configuration.webhookToleranceSeconds());
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T call() throws StripeException;
    }

    private <T> T call(StripeCall<T> call) {
        try {
            return call.call();
        } catch (StripeException e) {
            throw failure(e);
        }
    }

    /** What Stripe said, for the log; what it means, for the customer. */
    private PaymentProviderException failure(StripeException e) {
        if (e instanceof AuthenticationException) {
            LOG.error("Stripe refused the secretKey in {}: {}", configuredIn, e.getMessage());
            return new PaymentProviderException("Card payments are not available right now. Nothing was charged.", e);
        }
        if (e instanceof ApiConnectionException) {
            return new PaymentProviderException(UNREACHABLE, e);
        }
        LOG.warn("Stripe answered {} (request {}): {}", e.getStatusCode(), e.getRequestId(), e.getMessage());
        return new PaymentProviderException("Card payments refused the request. Nothing was charged; please try again later.", e);
    }

    /** Where an operator fixes this account's configuration, such as etc/org.dmscloud.payment.stripe.cfg. */
    String configuredIn() {
        return configuredIn;
    }

    private static Availability check(StripeConfiguration configuration, ProviderLimits limits, String configuredIn) {
        if (configuration.secretKey().isBlank()) {
            return Availability.unavailable("no secretKey in " + configuredIn);
        }
        if (configuration.webhookSecret().isBlank()) {
            return Availability.unavailable("no webhookSecret in " + configuredIn
                    + ": payments could not be confirmed (create the webhook endpoint in Stripe's dashboard)");
        }
        return limits.problem().map(problem -> Availability.unavailable(problem + " in " + configuredIn)).orElse(Availability.AVAILABLE);
    }
}
