package org.dmscloud.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.BalanceService;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.api.mail.CustomerMail;
import org.dmscloud.api.money.CurrencyMismatchException;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.DocumentTemplate;
import org.dmscloud.api.payment.PaymentProviders;
import org.dmscloud.api.payment.ReceivedPayment;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpNotFoundException;
import org.dmscloud.api.payment.TopUpSettlement;
import org.dmscloud.api.payment.TopUpStateException;
import org.dmscloud.api.payment.TopUpStatus;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.Transaction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The book of money received: payments credited once each, failures, provider notifications and the
 * documents issued for top-ups. Every change to a top-up happens with its row locked, so concurrent
 * confirmations of one payment (a webhook and the reconciliation, two deliveries of one event) credit
 * it once.
 */
@Component(service = { TopUpSettlement.class, TopUpBook.class })
public class TopUpBook implements TopUpSettlement {

    private static final Pattern SERIES = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,49}");

    private final Store store;
    private final Clock clock;
    private final BalanceService balances;
    private final AccountService accounts;
    private final CustomerMail customerMail;

    /** The providers' names, for the ledger entry a customer reads; optional, so that no provider waits for this book. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PaymentProviders providers;

    /** Started only once this bundle's changes to its tables are applied (its {@code DMS-Changelog}). */
    @Reference(target = PaymentTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public TopUpBook(@Reference Store store, @Reference Clock clock, @Reference BalanceService balances, @Reference AccountService accounts,
            @Reference CustomerMail customerMail) {
        this.store = store;
        this.clock = clock;
        this.balances = balances;
        this.accounts = accounts;
        this.customerMail = customerMail;
    }

    @Override
    public Optional<TopUp> find(String providerId, String providerReference) {
        return store.inTransaction(tx -> TopUps.in(tx).findByReference(providerId, providerReference));
    }

    @Override
    public TopUp recordPayment(String providerId, String providerReference, ReceivedPayment payment) {
        // The ledger's idempotency key and the payment's key are one: each is unique in the database too.
        String key = providerId + "/" + payment.paymentKey();
        return store.inTransaction(tx -> {
            TopUp topUp = lockByReference(tx, providerId, providerReference);
            if (TopUps.in(tx).findPayment(key).isPresent()) {
                return topUp;
            }
            if (!payment.amount().currency().equals(topUp.amount().currency())) {
                throw new CurrencyMismatchException(topUp.amount().currency(), payment.amount().currency());
            }
            Instant now = clock.instant();
            LedgerEntry credit = balances.topUp(topUp.account(), payment.amount(), key,
                    limit("Top-up by " + providerName(providerId) + ", payment " + payment.paymentKey(), 500));
            TopUps.in(tx).addPayment(topUp.id(), key, payment.amount(), payment.recordedBy(), payment.detail(), credit.id(), now);
            Money received = topUp.received().plus(payment.amount());
            TopUpStatus status = received.isLessThan(topUp.amount()) ? TopUpStatus.PARTIALLY_PAID : TopUpStatus.PAID;
            TopUp updated = TopUpChanges.with(topUp, status, received, describe(payment), now);
            TopUps.in(tx).update(updated);
            return updated;
        });
    }

    /** The provider as customers know it ("Bank transfer"); its id while its name cannot be had. */
    private String providerName(String providerId) {
        PaymentProviders names = providers;
        try {
            return names == null ? providerId
                    : names.all().stream().filter(p -> p.id().equals(providerId)).findFirst().map(p -> p.displayName()).orElse(providerId);
        } catch (RuntimeException e) {
            return providerId;
        }
    }

    @Override
    public TopUp recordFailure(String providerId, String providerReference, String detail) {
        return store.inTransaction(tx -> {
            TopUp topUp = lockByReference(tx, providerId, providerReference);
            boolean nothingReceived = topUp.status() == TopUpStatus.STARTING || topUp.status() == TopUpStatus.PENDING;
            if (!nothingReceived && topUp.detail().equals(detail)) {
                return topUp;
            }
            TopUp updated = TopUpChanges.with(topUp, nothingReceived ? TopUpStatus.FAILED : topUp.status(), topUp.received(), detail, clock.instant());
            TopUps.in(tx).update(updated);
            return updated;
        });
    }

    @Override
    public boolean recordEvent(String providerId, String eventId, String type, String payload, String outcome) {
        return store.inTransaction(tx -> PaymentEvents.in(tx).record(providerId, eventId, type, payload, outcome, clock.instant()));
    }

    @Override
    public TopUpDocument issueDocument(String providerId, String providerReference, DocumentTemplate template, boolean another) {
        String series = template.series();
        if (series == null || !SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("a document series is 1 to 50 letters, digits and '-', was '" + series + "'");
        }
        return store.inTransaction(tx -> {
            TopUp topUp = lockByReference(tx, providerId, providerReference);
            if (!another) {
                Optional<TopUpDocument> earlier = TopUps.in(tx).documents(topUp.id()).stream().filter(d -> d.kind().equals(template.kind()))
                        .reduce((first, second) -> second);
                if (earlier.isPresent()) {
                    throw new TopUpStateException("Top-up " + topUp.id() + " has its " + template.kind() + " already: "
                            + earlier.get().number() + ".");
                }
            }
            String number = series + "-" + String.format("%06d", TopUps.in(tx).nextNumber(series));
            DocumentTemplate.RenderedDocument rendered = template.render(number, topUp);
            TopUpDocument document = TopUps.in(tx).addDocument(topUp.id(), template.kind(), number, rendered.fileName(),
                    rendered.contentType(), rendered.content(), clock.instant());
            TenantId tenant = accounts.find(topUp.account()).orElseThrow(() -> new AccountNotFoundException(topUp.account())).tenant();
            customerMail.toAccount(tenant, topUp.account(), template.kind(), rendered.mailSubject(), rendered.mailBody(),
                    List.of(new Attachment(rendered.fileName(), rendered.contentType(), rendered.content())));
            return document;
        });
    }

    private static TopUp lockByReference(Transaction tx, String providerId, String providerReference) {
        TopUp found = TopUps.in(tx).findByReference(providerId, providerReference)
                .orElseThrow(() -> new TopUpNotFoundException("with " + providerId + " reference " + providerReference));
        return TopUps.in(tx).lock(found.id()).orElseThrow();
    }

    private static String describe(ReceivedPayment payment) {
        String received = payment.amount() + " received (" + payment.recordedBy() + ")";
        return payment.detail().isBlank() ? received : received + ": " + payment.detail();
    }

    private static String limit(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }
}
