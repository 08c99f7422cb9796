package org.dmscloud.payment.banktransfer.internal;

import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.apache.commons.validator.routines.IBANValidator;
import org.dmscloud.api.money.Money;
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

/**
 * Top-ups by bank transfer: the customer asks with their billing details, an operator issues the invoice
 * ({@code dms:invoice-issue}) and records the money when it shows on the bank statement
 * ({@code dms:invoice-pay}). There is no remote payment system to ask, so the operator's record is the
 * only confirmation; until then a top-up stays pending.
 */
@Component(service = { PaymentProvider.class, BankTransferProvider.class }, property = PaymentProvider.PROVIDER_ID + "=" + BankTransferProvider.ID,
        configurationPid = BankTransferConfiguration.PID)
@Designate(ocd = BankTransferConfiguration.class)
public class BankTransferProvider implements PaymentProvider {

    static final String ID = "bank-transfer";

    private final String id;
    private final BankTransferConfiguration configuration;
    private final ProviderLimits limits;
    private final Availability availability;

    @Activate
    public BankTransferProvider(BankTransferConfiguration configuration) {
        this(ID, "etc/" + BankTransferConfiguration.PID + ".cfg", configuration);
    }

    /** @param configuredIn where an operator fixes this account's configuration, for messages */
    BankTransferProvider(String id, String configuredIn, BankTransferConfiguration configuration) {
        this.id = id;
        this.configuration = configuration;
        this.limits = ProviderLimits.parse(configuration.currencies(), configuration.minimum(), configuration.maximum());
        this.availability = check(configuration, limits, configuredIn);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Bank transfer (invoice)";
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
        return true;
    }

    @Override
    public TopUpStart start(TopUpRequest request) {
        if (!availability.available()) {
            throw new PaymentProviderException("Bank transfers are not available right now. Nothing was requested.");
        }
        PaymentReference reference = PaymentReference.of(request.topUpId());
        return new TopUpStart(reference.compact(), Optional.empty(),
                "We will email you an invoice for " + request.amount() + " with our bank details and the payment reference "
                        + reference.printed() + ". Please quote that reference with your transfer; your balance is credited when "
                        + "the money arrives.",
                Optional.of("Issue the invoice for top-up " + request.topUpId() + " (" + request.amount() + ", payment reference "
                        + reference.printed() + "): dms:invoice-issue " + request.topUpId()));
    }

    /** Transfers arrive at a bank account nobody here can ask: operators record them (dms:invoice-pay). */
    @Override
    public boolean checksRemotely() {
        return false;
    }

    @Override
    public TopUpOutcome check(String reference) {
        return new TopUpOutcome(TopUpOutcome.Status.PENDING, nothing(),
                "waiting for a transfer with reference " + Mod97.grouped(reference) + "; an operator records it with dms:invoice-pay");
    }

    /** The invoice is void from now on; a transfer that still arrives is recorded and credited all the same. */
    @Override
    public TopUpOutcome cancel(String reference) {
        return new TopUpOutcome(TopUpOutcome.Status.FAILED, nothing(),
                "cancelled: the invoice for reference " + Mod97.grouped(reference) + " is void");
    }

    /** No money received: a pending or failed outcome carries none, in whichever currency. */
    private Money nothing() {
        return Money.zero(limits.anyCurrency().orElse(Currency.getInstance("EUR")));
    }

    BankTransferConfiguration configuration() {
        return configuration;
    }

    /** The beneficiary's address lines, as configured. */
    List<String> beneficiaryAddress() {
        return Arrays.stream(configuration.beneficiaryAddress().split("\\|")).map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    private static Availability check(BankTransferConfiguration configuration, ProviderLimits limits, String configuredIn) {
        String where = " in " + configuredIn;
        if (configuration.beneficiary().isBlank()) {
            return Availability.unavailable("no beneficiary" + where + ": invoices need the name the transfers go to");
        }
        if (configuration.iban().isBlank()) {
            return Availability.unavailable("no iban" + where);
        }
        String iban = Mod97.compact(configuration.iban());
        if (!IBANValidator.getInstance().isValid(iban)) {
            return Availability.unavailable("the iban" + where + " is not an IBAN of its country's length and form, or fails its check "
                    + "digits: customers would pay into the void");
        }
        if (configuration.bic().isBlank() || !Mod97.compact(configuration.bic()).matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            return Availability.unavailable("no valid bic" + where + " (8 or 11 letters and digits)");
        }
        if (!configuration.invoicePrefix().matches("[A-Za-z0-9-]{1,40}")) {
            return Availability.unavailable("invoicePrefix" + where + " must be letters, digits and '-'");
        }
        return limits.problem().map(problem -> Availability.unavailable(problem + where)).orElse(Availability.AVAILABLE);
    }
}
