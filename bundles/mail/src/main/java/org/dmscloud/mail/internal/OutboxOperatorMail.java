package org.dmscloud.mail.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.dmscloud.api.mail.OperatorMail;
import org.dmscloud.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Operator mail into the outbox, to the configured addresses, within the caller's transaction. */
@Component(service = OperatorMail.class, configurationPid = MailConfiguration.PID)
public class OutboxOperatorMail implements OperatorMail {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxOperatorMail.class);

    private final Store store;
    private final Clock clock;
    private final List<String> operators;

    @Activate
    public OutboxOperatorMail(@Reference Store store, @Reference Clock clock, MailConfiguration configuration) {
        this(store, clock, configuration.operatorAddresses());
    }

    /** Wired by hand, as the tests of the bundles that notify operators do. */
    public OutboxOperatorMail(Store store, Clock clock, String operatorAddresses) {
        this.store = store;
        this.clock = clock;
        this.operators = Arrays.stream(operatorAddresses.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
    }

    @Override
    public void notifyOperators(String kind, String subject, String body) {
        if (operators.isEmpty()) {
            LOG.warn("No operatorAddresses in etc/{}.cfg: nobody is mailed about \"{}\"", MailConfiguration.PID, subject);
            return;
        }
        store.inTransaction(tx -> {
            operators.forEach(operator -> tx.outbox().add(kind, operator, subject, body, clock.instant()));
            return null;
        });
    }
}
