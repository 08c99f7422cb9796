package org.dmscloud.api.instance;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Instances as operators see them: every account's. Changing one goes through {@link InstanceService}
 * with the instance's account, so that an operator's action follows the billing rules as a customer's does.
 */
@ProviderType
public interface InstanceAdministration {

    List<Instance> search(InstanceQuery query);

    /** The instance, whoever owns it, deleted ones included. */
    Optional<Instance> find(InstanceId instance);
}
