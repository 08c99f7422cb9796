package org.dmscloud.api.health;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something on the platform that needs an operator, though the node can still serve customers: the health document
 * lists what every registered service says (its {@code attention}), while its status stays as readiness makes it.
 * Health is public: a sentence says what to look at, never a host name, a credential or a customer's data.
 */
@ConsumerType
public interface OperatorAttention {

    /**
     * What needs an operator now, one short sentence each (e.g. "billing: 3 instances of 2026-12-07 are not billed yet;
     * see dms:billing-runs"); empty when nothing does. Called at every health check: answer from memory, refreshed at
     * most every few seconds, and fast.
     */
    List<String> attention();
}
