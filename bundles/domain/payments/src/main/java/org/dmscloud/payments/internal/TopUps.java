package org.dmscloud.payments.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.DocumentFile;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpPayment;
import org.dmscloud.api.payment.TopUpStatus;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;

/** Top-ups, the payments credited for them and the documents issued for them. */
public interface TopUps {

    /** The repository in this transaction. */
    static TopUps in(Transaction transaction) {
        return new JdbcTopUps(Jdbc.of(transaction));
    }

    /**
     * @throws DuplicateKeyException if the account used the request key before, or the provider reference is taken
     */
    void insert(TopUp topUp, TenantId tenant, Optional<String> requestKey);

    Optional<TopUp> find(TopUpId id);

    /** The account's top-up with this id; another account's is not found. */
    Optional<TopUp> findOfAccount(AccountId account, TopUpId id);

    /** Finds the top-up and locks it until the transaction ends, so that its payments are recorded one at a time. */
    Optional<TopUp> lock(TopUpId id);

    Optional<TopUp> findByRequestKey(AccountId account, String requestKey);

    Optional<TopUp> findByReference(String providerId, String providerReference);

    /** Writes what changes over a top-up's life: status, received, reference, page, instructions, detail, updated at. */
    void update(TopUp topUp);

    void markChecked(TopUpId id, Instant at);

    /** The latest top-ups, newest first, optionally only with this status or of this account. */
    List<TopUp> list(Optional<TopUpStatus> status, Optional<TenantId> tenant, Optional<AccountId> account, int limit);

    /**
     * Open top-ups created before {@code before} and not checked since, never-checked ones first: those still
     * starting, of any provider (their start is resumed), and those waiting for money with one of the
     * {@code checkableProviders}, whose payment systems can be asked.
     */
    List<TopUp> dueForCheck(Instant before, Set<String> checkableProviders, int limit);

    Optional<TopUpPayment> findPayment(String paymentKey);

    TopUpPayment addPayment(TopUpId topUp, String paymentKey, Money amount, String recordedBy, String detail, long ledgerEntryId,
            Instant receivedAt);

    List<TopUpPayment> payments(TopUpId topUp);

    TopUpDocument addDocument(TopUpId topUp, String kind, String number, String fileName, String contentType, byte[] content,
            Instant createdAt);

    List<TopUpDocument> documents(TopUpId topUp);

    Optional<DocumentFile> document(TopUpId topUp, String number);

    /** The next number of a series, 1 for a new one; numbers are given out without gaps when the transaction commits. */
    long nextNumber(String series);
}
