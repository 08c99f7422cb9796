package org.dmscloud.api.payment;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.osgi.annotation.versioning.ProviderType;

/** Top-ups as a customer sees them: only ever those of their own account. */
@ProviderType
public interface TopUpService {

    /**
     * Starts a top-up through a provider: the answer says where to pay or what happens next. A request
     * key seen before answers the top-up it started.
     *
     * @throws org.dmscloud.api.customer.InvalidInputException       for an unknown provider, an amount out of
     *                                                              its limits or missing billing details
     * @throws PaymentProviderUnavailableException                  if the provider cannot take payments now
     * @throws TopUpFailedException                                 if the provider refused or failed
     * @throws org.dmscloud.api.billing.IdempotencyKeyReusedException if the key started a different top-up
     */
    TopUp start(AccountId account, String customerEmail, NewTopUp request);

    /** The account's top-ups, newest first. */
    List<TopUp> list(AccountId account, int limit);

    Optional<TopUp> find(AccountId account, TopUpId topUp);

    List<TopUpPayment> payments(AccountId account, TopUpId topUp);

    List<TopUpDocument> documents(AccountId account, TopUpId topUp);

    Optional<DocumentFile> document(AccountId account, TopUpId topUp, String number);

    /**
     * Stops an open top-up at its provider so that it can no longer be paid. Money already received stays
     * on the balance.
     *
     * @throws TopUpStateException if it is no longer open, or was paid before it could be stopped (the
     *                             money is then on the balance)
     */
    TopUp cancel(AccountId account, TopUpId topUp);
}
