package org.dmscloud.payments.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud top-ups", description = "Reconciliation of open top-ups with their payment providers.")
public @interface PaymentsConfiguration {

    String PID = "org.dmscloud.payments";

    @AttributeDefinition(description = "Seconds between reconciliation passes; 0 turns the periodic pass off (dms:topup-reconcile still works).")
    int reconcileIntervalSeconds() default 600;

    @AttributeDefinition(description = "Open top-ups asked about per pass, least recently checked first.")
    int reconcileBatch() default 100;

    @AttributeDefinition(description = "Seconds a top-up is left to its provider's notification (webhook) before reconciliation asks the provider.")
    int checkAfterSeconds() default 300;

    @AttributeDefinition(description = "Minutes after which a top-up whose provider never confirmed starting it is marked failed.")
    int startTimeoutMinutes() default 60;
}
