package org.dmscloud.api.instance;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The lifecycle of instances, each action in one transaction with its billing effect (rules R3–R9):
 * refused with no change at all when the balance is short
 * ({@link org.dmscloud.api.billing.InsufficientFundsException}) or when it does not match the quote it
 * carries ({@link org.dmscloud.api.billing.QuoteMismatchException}). Every action is scoped to one
 * account: another account's instance is {@link InstanceNotFoundException not found}.
 */
@ProviderType
public interface InstanceService {

    /** Creates an instance, enabled and charged to the next boundary (R6), or disabled for free. */
    InstanceChange create(AccountId account, NewInstance instance, ActionOptions options);

    /** Enables it: free inside its paid coverage (R4), else charged to the next boundary (R5). */
    InstanceChange enable(AccountId account, InstanceId instance, ActionOptions options);

    /** Disables it, for free and without refund; its paid coverage is kept (R3). */
    InstanceChange disable(AccountId account, InstanceId instance, ActionOptions options);

    /** Changes its devices or options: an upgrade charges (R7), a downgrade credits (R8) the rest of the coverage. */
    InstanceChange changeSettings(AccountId account, InstanceId instance, InstanceConfiguration configuration, ActionOptions options);

    /** Deletes it and refunds the unused part of its paid coverage (R9). */
    InstanceChange delete(AccountId account, InstanceId instance, ActionOptions options);

    /** The instance, unless deleted or someone else's. */
    Optional<Instance> find(AccountId account, InstanceId instance);

    /** The account's instances that are not deleted, oldest first. */
    List<Instance> list(AccountId account);
}
