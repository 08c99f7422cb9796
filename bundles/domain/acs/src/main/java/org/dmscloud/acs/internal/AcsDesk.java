package org.dmscloud.acs.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.acs.internal.auth.Endpoints;
import org.dmscloud.acs.internal.devices.DeviceRegistry;
import org.dmscloud.acs.internal.tasks.DeviceTasks;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.acs.AcsCredentials;
import org.dmscloud.api.acs.AcsEndpoint;
import org.dmscloud.api.acs.AcsService;
import org.dmscloud.api.acs.DeviceNotFoundException;
import org.dmscloud.api.acs.DevicePage;
import org.dmscloud.api.acs.DeviceTask;
import org.dmscloud.api.acs.NewTask;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceNotFoundException;
import org.dmscloud.api.instance.InstanceService;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.Transaction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The ACS of a customer's instances, each found through the account first, so no account sees another's. */
@Component(service = AcsService.class)
public class AcsDesk implements AcsService {

    /** The most devices one page lists. */
    static final int MAX_PAGE = 500;
    /** A serial number or product class is at most 64 characters (TR-069 A.3.3.1). */
    static final int MAX_SEARCH = 64;

    private final Store store;
    private final Clock clock;
    private final InstanceService instances;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = AcsTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public AcsDesk(@Reference Store store, @Reference Clock clock, @Reference InstanceService instances) {
        this.store = store;
        this.clock = clock;
        this.instances = instances;
    }

    @Override
    public AcsEndpoint endpoint(AccountId account, InstanceId id) {
        Instance instance = live(account, id);
        return store.read(transaction -> {
            DeviceRegistry.Counts counts = DeviceRegistry.in(transaction).counts(id.toString());
            Optional<String> username = Endpoints.in(transaction).find(id.toString()).map(Endpoints.Endpoint::username);
            return new AcsEndpoint(id, CwmpEndpoint.path(id), username, instance.configuration().expectedDevices(), counts.devices(), counts.refused());
        });
    }

    @Override
    public Optional<AcsCredentials> newCredentials(AccountId account, InstanceId id, String requestKey) {
        live(account, id);
        return store.inTransaction(transaction -> Endpoints.in(transaction).issue(id.toString(), requestKey, clock.instant()))
                .map(credentials -> new AcsCredentials(credentials.username(), credentials.password(), credentials.realm()));
    }

    @Override
    public DevicePage devices(AccountId account, InstanceId id, String search, int offset, int limit) {
        if (search != null && search.length() > MAX_SEARCH) {
            throw new InvalidInputException(Map.of("search", "Search by at most " + MAX_SEARCH + " characters of a serial number, product class or OUI."));
        }
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException(offset < 0 ? Map.of("offset", "A page starts at 0 or later.")
                    : Map.of("limit", "A page lists 1 to " + MAX_PAGE + " devices."));
        }
        live(account, id);
        return store.read(transaction -> DeviceRegistry.in(transaction).page(id.toString(), search == null ? "" : search, offset, limit));
    }

    @Override
    public DeviceTask queueTask(AccountId account, InstanceId id, String deviceId, NewTask task) {
        live(account, id);
        return store.inTransaction(transaction -> {
            known(transaction, id, deviceId);
            return DeviceTasks.in(transaction).queue(deviceId, task, clock.instant());
        });
    }

    @Override
    public List<DeviceTask> tasks(AccountId account, InstanceId id, String deviceId) {
        live(account, id);
        return store.read(transaction -> {
            known(transaction, id, deviceId);
            return DeviceTasks.in(transaction).latest(deviceId);
        });
    }

    private static void known(Transaction transaction, InstanceId instance, String deviceId) {
        if (!DeviceRegistry.in(transaction).knows(instance.toString(), deviceId)) {
            throw new DeviceNotFoundException(deviceId);
        }
    }

    private Instance live(AccountId account, InstanceId id) {
        return instances.find(account, id).filter(instance -> instance.state() != InstanceState.DELETED)
                .orElseThrow(() -> new InstanceNotFoundException(id));
    }
}
