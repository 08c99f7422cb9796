package org.dmscloud.persistence;

import org.osgi.annotation.versioning.ConsumerType;

/** Work done inside one transaction of the {@link Store}. */
@ConsumerType
@FunctionalInterface
public interface TransactionWork<R> {

    R run(Transaction transaction);
}
