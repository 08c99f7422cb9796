package org.dmscloud.api.acs;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceNotFoundException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ACS of a customer's instances. Every call is scoped to the account: another account's instance is not found.
 */
@ProviderType
public interface AcsService {

    /**
     * The instance's endpoint, its devices' counts and its limit.
     *
     * @throws InstanceNotFoundException if the account has no such instance, or it was deleted
     */
    AcsEndpoint endpoint(AccountId account, InstanceId instance);

    /**
     * New credentials for the instance's devices: the first ones, or new ones that replace the old at once. The
     * password is shown this once; only its digest is kept.
     *
     * @param requestKey the request's key (an idempotency key, a form's request key): the same request again makes
     *                   no new password and answers empty, since the one it made was shown and is not kept
     * @throws InstanceNotFoundException if the account has no such instance, or it was deleted
     */
    Optional<AcsCredentials> newCredentials(AccountId account, InstanceId instance, String requestKey);

    /**
     * The instance's devices, most recently informed first.
     *
     * @param search a part of a serial number, product class or OUI to look for; blank for all
     * @throws InstanceNotFoundException if the account has no such instance, or it was deleted
     */
    DevicePage devices(AccountId account, InstanceId instance, String search, int offset, int limit);

    /**
     * Queues a task for a device: it is sent in the device's next session, after the tasks queued before it.
     *
     * @throws InstanceNotFoundException if the account has no such instance, or it was deleted
     * @throws DeviceNotFoundException if no such device informed the instance
     * @throws org.dmscloud.api.customer.InvalidInputException if the task is not one the device can be sent, or too
     *         many of its tasks wait already
     */
    DeviceTask queueTask(AccountId account, InstanceId instance, String deviceId, NewTask task);

    /**
     * A device's latest tasks, newest first.
     *
     * @throws InstanceNotFoundException if the account has no such instance, or it was deleted
     * @throws DeviceNotFoundException if no such device informed the instance
     */
    List<DeviceTask> tasks(AccountId account, InstanceId instance, String deviceId);
}
