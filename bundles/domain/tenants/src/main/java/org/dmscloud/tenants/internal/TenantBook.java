package org.dmscloud.tenants.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.health.UnavailableException;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantAdministration;
import org.dmscloud.api.tenant.TenantAuditEntry;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.api.tenant.TenantNotFoundException;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.api.tenant.TenantStatus;
import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants, from the database, for every request: a snapshot read again every few seconds, so that a
 * change made on another node is seen soon and a request never waits for the database to find its tenant;
 * a change made here is seen here at once. Operators' changes are validated, written in one transaction
 * with their audit entry, and answered as they stand.
 */
@Component(service = { TenantDirectory.class, TenantAdministration.class })
public class TenantBook implements TenantDirectory, TenantAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(TenantBook.class);
    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final String CUSTOMERS_PID = "org.dmscloud.customers";

    private final Store store;
    private final Clock clock;
    private volatile Snapshot snapshot;

    /** The tenants as last read, by id and by host name. */
    private record Snapshot(List<Tenant> tenants, Map<TenantId, Tenant> byId, Map<String, Tenant> byHost, Instant readAt) {

        static Snapshot of(List<Tenant> tenants, Instant at) {
            Map<TenantId, Tenant> byId = new HashMap<>();
            Map<String, Tenant> byHost = new HashMap<>();
            for (Tenant tenant : tenants) {
                byId.put(tenant.id(), tenant);
                tenant.settings().hostNames().forEach(host -> byHost.put(host, tenant));
            }
            return new Snapshot(List.copyOf(tenants), byId, byHost, at);
        }

        /** The same tenants, as if read at {@code at}: kept while the database cannot be read. */
        Snapshot keptAt(Instant at) {
            return new Snapshot(tenants, byId, byHost, at);
        }
    }

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = TenantTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public TenantBook(@Reference Store store, @Reference Clock clock,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configurationAdmin) {
        this(store, clock, currencyOfNewAccounts(configurationAdmin));
    }

    /**
     * Wired by hand, as the tests of the bundles that need tenants do.
     *
     * @param platformCurrency the currency an unsettled default tenant takes (what new accounts had until tenants were real)
     */
    public TenantBook(Store store, Clock clock, Currency platformCurrency) {
        this.store = store;
        this.clock = clock;
        settle(platformCurrency);
    }

    @Override
    public Optional<Tenant> find(TenantId tenant) {
        return Optional.ofNullable(snapshot().byId().get(tenant));
    }

    @Override
    public Optional<Tenant> byHost(String hostName) {
        return hostName == null ? Optional.empty() : Optional.ofNullable(snapshot().byHost().get(TenantRules.normalizeHost(hostName)));
    }

    @Override
    public List<Tenant> list() {
        return snapshot().tenants();
    }

    @Override
    public Tenant create(TenantId id, TenantSettings settings, String operator) {
        TenantRules.check(settings, id.equals(TenantId.DEFAULT));
        Instant now = clock.instant();
        Tenant tenant = new Tenant(id, settings, TenantStatus.ENABLED, now, now);
        try {
            store.inTransaction(tx -> {
                if (Tenants.in(tx).find(id).isPresent()) {
                    throw new InvalidInputException(Map.of("id", "There is a tenant '" + id + "' already."));
                }
                Tenants.in(tx).insert(tenant);
                Tenants.in(tx).audit(id, "CREATE", operator, TenantChanges.of(settings), now);
                return null;
            });
        } catch (DuplicateKeyException taken) {
            throw hostOrIdTaken(id, settings);
        }
        return reloaded(tenant);
    }

    @Override
    public Tenant update(TenantId id, TenantSettings settings, String operator) {
        TenantRules.check(settings, id.equals(TenantId.DEFAULT));
        Instant now = clock.instant();
        try {
            Tenant updated = store.inTransaction(tx -> {
                Tenant current = Tenants.in(tx).lock(id).orElseThrow(() -> new TenantNotFoundException(id));
                Tenant next = new Tenant(id, settings, current.status(), current.createdAt(), now);
                Tenants.in(tx).update(next);
                Tenants.in(tx).audit(id, "UPDATE", operator, TenantChanges.between(current.settings(), settings), now);
                return next;
            });
            return reloaded(updated);
        } catch (DuplicateKeyException taken) {
            throw hostOrIdTaken(id, settings);
        }
    }

    @Override
    public Tenant setStatus(TenantId id, TenantStatus status, String reason, String operator) {
        Instant now = clock.instant();
        Tenant changed = store.inTransaction(tx -> {
            Tenant current = Tenants.in(tx).lock(id).orElseThrow(() -> new TenantNotFoundException(id));
            if (current.status() == status) {
                return current;
            }
            Tenant next = new Tenant(id, current.settings(), status, current.createdAt(), now);
            Tenants.in(tx).update(next);
            Tenants.in(tx).audit(id, status == TenantStatus.DISABLED ? "DISABLE" : "ENABLE", operator, reason, now);
            return next;
        });
        return reloaded(changed);
    }

    @Override
    public List<TenantAuditEntry> audit(TenantId id, int limit) {
        return store.inTransaction(tx -> {
            Tenants.in(tx).find(id).orElseThrow(() -> new TenantNotFoundException(id));
            return Tenants.in(tx).audit(id, Math.max(1, Math.min(limit, 1000)));
        });
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current != null && current.readAt().plus(REFRESH).isAfter(now) && !current.readAt().isAfter(now)) {
            return current;
        }
        synchronized (this) {
            current = snapshot;
            if (current == null || !current.readAt().plus(REFRESH).isAfter(now) || current.readAt().isAfter(now)) {
                try {
                    current = Snapshot.of(store.inTransaction(tx -> Tenants.in(tx).list()), now);
                } catch (UnavailableException e) {
                    if (current == null) {
                        throw e;
                    }
                    // The database restarting: the portals go on with the tenants as last read (the requests that need the
                    // database answer 503 themselves), and the next try is one refresh later, not at every request.
                    LOG.warn("Tenants could not be read again ({}); going on with those read at {}", e.getMessage(), current.readAt());
                    current = current.keptAt(now);
                }
                snapshot = current;
            }
            return current;
        }
    }

    /** Answers the tenant as written, and makes this node read every tenant again at its next request. */
    private Tenant reloaded(Tenant tenant) {
        snapshot = null;
        return tenant;
    }

    /** Gives a tenant without settings (the default tenant of an installation older than real tenants) the platform's. */
    private void settle(Currency platformCurrency) {
        store.inTransaction(tx -> {
            for (TenantId id : Tenants.in(tx).unsettled()) {
                Instant now = clock.instant();
                TenantSettings settings = new TenantSettings(id.equals(TenantId.DEFAULT) ? "DMS Cloud" : id.value(), List.of(), Optional.empty(),
                        platformCurrency, CatalogSelection.EVERYTHING, PriceAdjustment.NONE, true);
                Tenants.in(tx).update(new Tenant(id, settings, TenantStatus.ENABLED, now, now));
                Tenants.in(tx).audit(id, "UPDATE", "upgrade", "settings taken from the platform's configuration: " + TenantChanges.of(settings), now);
                LOG.info("Tenant {} now has settings: the platform's name, brand and catalog, new accounts in {}", id, platformCurrency);
            }
            return null;
        });
    }

    private InvalidInputException hostOrIdTaken(TenantId id, TenantSettings settings) {
        List<String> taken = new ArrayList<>();
        for (String host : settings.hostNames()) {
            byHost(host).filter(other -> !other.id().equals(id)).ifPresent(other -> taken.add(host + " (" + other.id() + ")"));
        }
        return new InvalidInputException(Map.of(taken.isEmpty() ? "id" : "hostNames",
                taken.isEmpty() ? "There is a tenant '" + id + "' already." : "Another tenant answers at " + String.join(", ", taken) + "."));
    }

    /** The currency new accounts had before tenants were real: the customers' configuration's, else EUR. */
    private static Currency currencyOfNewAccounts(ConfigurationAdmin configurationAdmin) {
        if (configurationAdmin != null) {
            try {
                Configuration customers = configurationAdmin.getConfiguration(CUSTOMERS_PID, "?");
                Dictionary<String, Object> properties = customers.getProperties();
                if (properties != null && properties.get("currency") != null) {
                    return Money.currencyOf(properties.get("currency").toString());
                }
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("The currency of {} could not be read ({}); the default tenant takes EUR", CUSTOMERS_PID, e.toString());
            }
        }
        return Currency.getInstance("EUR");
    }
}
