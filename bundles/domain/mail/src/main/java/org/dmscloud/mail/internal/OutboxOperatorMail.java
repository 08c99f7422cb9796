package org.dmscloud.mail.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.mail.OperatorMail;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail to the people who run the platform (the configured addresses) or serve a reseller's customers (its
 * support address) into the outbox, within the caller's transaction. It goes out from the platform's sender:
 * it is the platform telling them.
 */
@Component(service = OperatorMail.class, configurationPid = MailConfiguration.PID)
public class OutboxOperatorMail implements OperatorMail {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxOperatorMail.class);

    private final Store store;
    private final Clock clock;
    private final TenantDirectory tenants;
    private final List<String> operators;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = MailTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public OutboxOperatorMail(@Reference Store store, @Reference Clock clock, @Reference TenantDirectory tenants,
            MailConfiguration configuration) {
        this(store, clock, tenants, configuration.operatorAddresses());
    }

    /** Wired by hand, as the tests of the bundles that notify operators do. */
    public OutboxOperatorMail(Store store, Clock clock, TenantDirectory tenants, String operatorAddresses) {
        this.store = store;
        this.clock = clock;
        this.tenants = tenants;
        this.operators = Arrays.stream(operatorAddresses.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
    }

    @Override
    public void notifyOperators(String kind, String subject, String body) {
        queue(TenantId.DEFAULT, operators, kind, subject, body);
    }

    @Override
    public void notifyTenant(TenantId tenant, String kind, String subject, String body) {
        Optional<Brand> brand = tenants.find(tenant).flatMap(found -> found.settings().brand());
        queue(tenant, brand.map(own -> List.of(own.supportAddress())).orElse(operators), kind, subject, body);
    }

    private void queue(TenantId tenant, List<String> recipients, String kind, String subject, String body) {
        if (recipients.isEmpty()) {
            LOG.warn("No operatorAddresses in etc/{}.cfg: nobody is mailed about \"{}\"", MailConfiguration.PID, subject);
            return;
        }
        store.inTransaction(tx -> {
            recipients.forEach(recipient -> Outbox.in(tx).add(new OutgoingMail(tenant, Optional.empty(), kind, recipient, subject, body),
                    clock.instant()));
            return null;
        });
    }
}
