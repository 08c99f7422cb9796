package org.dmscloud.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.BillingDetails;
import org.dmscloud.api.payment.DocumentFile;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpPayment;
import org.dmscloud.api.payment.TopUpStatus;
import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.persistence.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payments bundle's tables on every database the platform supports: each subclass brings one. */
abstract class TopUpStorageContractTest {

    private static final java.util.Currency EUR = Payments.EUR;

    private Payments payments;
    private Store store;

    protected abstract DataSource newDatabase();

    @BeforeEach
    void open() {
        payments = new Payments(newDatabase(), Instant.parse("2026-11-26T10:00:00Z"));
        store = payments.store;
    }

    @AfterEach
    void close() {
        payments.close();
    }

    @Test
    void operatorsFindTopUpsByTenantAndAnAccountsOnlyThroughIt() {
        TenantId reseller = payments.reseller("acme", false);
        Account platforms = payments.account();
        Account resellers = payments.account(reseller);
        Account stranger = payments.account();
        TopUp platformsTopUp = newTopUp(platforms, Optional.empty());
        TopUp resellersTopUp = newTopUp(resellers, Optional.empty());
        store.inTransaction(tx -> {
            TopUps.in(tx).insert(platformsTopUp, TenantId.DEFAULT, Optional.empty());
            TopUps.in(tx).insert(resellersTopUp, reseller, Optional.empty());
            return null;
        });

        List<TopUp> resellersTopUps = store.inTransaction(tx -> TopUps.in(tx).list(Optional.empty(), Optional.of(reseller), Optional.empty(), 1000));
        List<TopUp> platformsTopUps = store.inTransaction(tx -> TopUps.in(tx).list(Optional.empty(), Optional.of(TenantId.DEFAULT),
                Optional.empty(), 1000));
        Optional<TopUp> ownersTopUp = store.inTransaction(tx -> TopUps.in(tx).findOfAccount(platforms.id(), platformsTopUp.id()));
        Optional<TopUp> strangersTopUp = store.inTransaction(tx -> TopUps.in(tx).findOfAccount(stranger.id(), platformsTopUp.id()));

        assertThat(resellersTopUps).extracting(TopUp::id).containsExactly(resellersTopUp.id());
        assertThat(platformsTopUps).extracting(TopUp::id).containsExactly(platformsTopUp.id());
        assertThat(ownersTopUp).map(TopUp::id).contains(platformsTopUp.id());
        assertThat(strangersTopUp).isEmpty();
    }

    @Test
    void aTopUpSurvivesTheRoundTripAndItsUpdates() {
        Account account = payments.account();
        TopUp topUp = newTopUp(account, Optional.of(new BillingDetails("Ada Admin", "Example GmbH", "Street 1\n10115 Berlin", "DE", "DE123")));

        store.inTransaction(tx -> {
            TopUps.in(tx).insert(topUp, TenantId.DEFAULT, Optional.of("request-1"));
            return null;
        });
        TopUp pending = new TopUp(topUp.id(), topUp.account(), topUp.providerId(), topUp.amount(), Money.ofMinor(2_000, EUR),
                TopUpStatus.PARTIALLY_PAID, Optional.of("RF18 0001"), Optional.of(URI.create("https://pay.example/cs_1")), "Pay by transfer",
                topUp.billingDetails(), topUp.customerEmail(), "half arrived", topUp.createdAt(), Instant.parse("2026-11-26T11:00:00Z"));
        store.inTransaction(tx -> {
            TopUps.in(tx).update(pending);
            return null;
        });

        Optional<TopUp> byId = store.inTransaction(tx -> TopUps.in(tx).lock(topUp.id()));
        Optional<TopUp> byKey = store.inTransaction(tx -> TopUps.in(tx).findByRequestKey(account.id(), "request-1"));
        Optional<TopUp> byReference = store.inTransaction(tx -> TopUps.in(tx).findByReference("bank-transfer", "RF18 0001"));
        Optional<TopUp> otherProvider = store.inTransaction(tx -> TopUps.in(tx).findByReference("stripe", "RF18 0001"));
        assertThat(byId).contains(pending);
        assertThat(byKey).contains(pending);
        assertThat(byReference).contains(pending);
        assertThat(otherProvider).isEmpty();
        assertThat(pending.outstanding()).isEqualTo(Money.ofMinor(3_000, EUR));
    }

    @Test
    void aRequestKeyStartsOneTopUpPerAccount() {
        Account account = payments.account();
        store.inTransaction(tx -> {
            TopUps.in(tx).insert(newTopUp(account, Optional.empty()), TenantId.DEFAULT, Optional.of("same"));
            return null;
        });

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            TopUps.in(tx).insert(newTopUp(account, Optional.empty()), TenantId.DEFAULT, Optional.of("same"));
            return null;
        })).isInstanceOf(DuplicateKeyException.class);
        store.inTransaction(tx -> {
            TopUps.in(tx).insert(newTopUp(account, Optional.empty()), TenantId.DEFAULT, Optional.empty());
            TopUps.in(tx).insert(newTopUp(account, Optional.empty()), TenantId.DEFAULT, Optional.empty());
            return null;
        });
        List<TopUp> all = store.inTransaction(tx -> TopUps.in(tx).list(Optional.empty(), Optional.empty(), Optional.of(account.id()), 10));
        assertThat(all).hasSize(3);
    }

    @Test
    void aPaymentKeyIsRecordedOnce() {
        Account account = payments.account();
        TopUp topUp = newTopUp(account, Optional.empty());
        TopUpPayment payment = store.inTransaction(tx -> {
            TopUps.in(tx).insert(topUp, TenantId.DEFAULT, Optional.empty());
            LedgerEntry credit = payments.balances.topUp(account.id(), Money.ofMinor(5_000, EUR), "top-up/stripe/cs_1", "test");
            return TopUps.in(tx).addPayment(topUp.id(), "stripe/cs_1", Money.ofMinor(5_000, EUR), "stripe webhook", "evt_1", credit.id(),
                    Instant.parse("2026-11-26T10:30:00Z"));
        });

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            LedgerEntry credit = payments.balances.topUp(account.id(), Money.ofMinor(5_000, EUR), "top-up/stripe/cs_1-again", "test");
            return TopUps.in(tx).addPayment(topUp.id(), "stripe/cs_1", Money.ofMinor(5_000, EUR), "stripe webhook", "evt_2", credit.id(),
                    Instant.parse("2026-11-26T10:31:00Z"));
        })).isInstanceOf(DuplicateKeyException.class);
        List<TopUpPayment> recorded = store.inTransaction(tx -> TopUps.in(tx).payments(topUp.id()));
        Optional<TopUpPayment> found = store.inTransaction(tx -> TopUps.in(tx).findPayment("stripe/cs_1"));
        assertThat(recorded).containsExactly(payment);
        assertThat(found).contains(payment);
        assertThat(payments.reread(account).balance()).as("the credit of the refused payment rolled back with it").isEqualTo(Money.ofMinor(5_000, EUR));
    }

    @Test
    void documentNumbersHaveNoGapsEvenWhenATransactionRollsBack() {
        Account account = payments.account();
        TopUp topUp = newTopUp(account, Optional.empty());
        store.inTransaction(tx -> {
            TopUps.in(tx).insert(topUp, TenantId.DEFAULT, Optional.empty());
            return null;
        });
        String series = "T-" + UUID.randomUUID();

        long first = store.inTransaction(tx -> TopUps.in(tx).nextNumber(series));
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            TopUps.in(tx).nextNumber(series);
            throw new IllegalStateException("the PDF could not be made");
        })).hasMessageContaining("PDF");
        long second = store.inTransaction(tx -> TopUps.in(tx).nextNumber(series));
        long otherSeries = store.inTransaction(tx -> TopUps.in(tx).nextNumber(series + "-other"));
        TopUpDocument document = store.inTransaction(tx -> TopUps.in(tx).addDocument(topUp.id(), "invoice", series + "-000002",
                "invoice.pdf", "application/pdf", new byte[] { 37, 80, 68, 70 }, Instant.parse("2026-11-26T12:00:00Z")));

        assertThat(List.of(first, second, otherSeries)).containsExactly(1L, 2L, 1L);
        List<TopUpDocument> documents = store.inTransaction(tx -> TopUps.in(tx).documents(topUp.id()));
        Optional<DocumentFile> file = store.inTransaction(tx -> TopUps.in(tx).document(topUp.id(), series + "-000002"));
        Optional<DocumentFile> elsewhere = store.inTransaction(tx -> TopUps.in(tx).document(TopUpId.random(), series + "-000002"));
        assertThat(documents).containsExactly(document);
        assertThat(file).get().satisfies(f -> assertThat(f.content()).containsExactly(37, 80, 68, 70));
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void aRedeliveredEventIsCountedNotStoredAgain() {
        boolean first = store.inTransaction(tx -> PaymentEvents.in(tx).record("stripe", "evt_1", "checkout.session.completed", "{}",
                "credited", Instant.parse("2026-11-26T10:00:00Z")));
        boolean again = store.inTransaction(tx -> PaymentEvents.in(tx).record("stripe", "evt_1", "checkout.session.completed", "{}",
                "credited", Instant.parse("2026-11-26T10:05:00Z")));
        boolean otherProvider = store.inTransaction(tx -> PaymentEvents.in(tx).record("other", "evt_1", "x", "{}", "ignored",
                Instant.parse("2026-11-26T10:05:00Z")));

        assertThat(List.of(first, again, otherProvider)).containsExactly(true, false, true);
        int deliveries = store.inTransaction(tx -> PaymentEvents.in(tx).deliveries("stripe", "evt_1"));
        assertThat(deliveries).isEqualTo(2);
    }

    @Test
    void openTopUpsOldEnoughAreDueForACheckNeverCheckedFirst() {
        Account account = payments.account();
        TopUp checked = newTopUp(account, Optional.empty());
        TopUp neverChecked = newTopUp(account, Optional.empty());
        TopUp recentlyChecked = newTopUp(account, Optional.empty());
        TopUp old = newTopUp(account, Optional.empty());
        Instant later = Instant.parse("2026-11-26T10:45:00Z");
        TopUp young = new TopUp(TopUpId.random(), old.account(), old.providerId(), old.amount(), old.received(), old.status(),
                Optional.empty(), Optional.empty(), "", Optional.empty(), old.customerEmail(), "", later, later);
        store.inTransaction(tx -> {
            TopUps.in(tx).insert(young, TenantId.DEFAULT, Optional.empty());
            TopUps.in(tx).insert(checked, TenantId.DEFAULT, Optional.empty());
            TopUps.in(tx).insert(neverChecked, TenantId.DEFAULT, Optional.empty());
            TopUps.in(tx).insert(recentlyChecked, TenantId.DEFAULT, Optional.empty());
            TopUps.in(tx).markChecked(checked.id(), Instant.parse("2026-11-26T10:00:00Z"));
            TopUps.in(tx).markChecked(recentlyChecked.id(), Instant.parse("2026-11-26T10:59:00Z"));
            return null;
        });

        List<TopUpId> due = store.inTransaction(tx -> TopUps.in(tx).dueForCheck(Instant.parse("2026-11-26T10:30:00Z"), Set.of(), 100)).stream()
                .map(TopUp::id).filter(id -> List.of(checked.id(), neverChecked.id(), recentlyChecked.id(), young.id()).contains(id))
                .toList();
        assertThat(due).containsExactly(neverChecked.id(), checked.id());
    }

    @Test
    void topUpsWaitingForMoneyAreDueOnlyWithAProviderWhosePaymentSystemCanBeAsked() {
        Account account = payments.account();
        TopUp starting = newTopUp(account, Optional.empty());
        TopUp byCard = waiting(newTopUp(account, Optional.empty()), "stripe", "cs_1");
        TopUp byTransfer = waiting(newTopUp(account, Optional.empty()), "bank-transfer", "RF18 0002");
        store.inTransaction(tx -> {
            for (TopUp topUp : List.of(starting, byCard, byTransfer)) {
                TopUps.in(tx).insert(topUp, TenantId.DEFAULT, Optional.empty());
            }
            return null;
        });

        List<TopUpId> due = store.inTransaction(tx -> TopUps.in(tx).dueForCheck(Instant.parse("2026-11-26T10:30:00Z"), Set.of("stripe", "other"),
                100)).stream().map(TopUp::id).filter(id -> List.of(starting.id(), byCard.id(), byTransfer.id()).contains(id)).toList();

        assertThat(due).containsExactlyInAnyOrder(starting.id(), byCard.id());
    }

    private static TopUp waiting(TopUp topUp, String provider, String reference) {
        return new TopUp(topUp.id(), topUp.account(), provider, topUp.amount(), topUp.received(), TopUpStatus.PENDING, Optional.of(reference),
                Optional.empty(), "", topUp.billingDetails(), topUp.customerEmail(), "", topUp.createdAt(), topUp.updatedAt());
    }

    private static TopUp newTopUp(Account account, Optional<BillingDetails> billing) {
        Instant at = Instant.parse("2026-11-26T10:20:00Z");
        return new TopUp(TopUpId.random(), account.id(), "bank-transfer", Money.ofMinor(5_000, EUR), Money.zero(EUR), TopUpStatus.STARTING,
                Optional.empty(), Optional.empty(), "", billing, "ada@example.com", "", at, at);
    }
}
