package org.dmscloud.shell.internal;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceChange;
import org.dmscloud.api.instance.InstanceService;

/**
 * An operator's action on an instance, done through {@link InstanceService} in the owner's name, so
 * that it follows the billing rules exactly as the customer's own action would.
 */
abstract class InstanceActionCommand implements Action {

    @Argument(index = 0, name = "instance", required = true, description = "The instance id")
    @Completion(InstanceIdCompleter.class)
    String instance;

    @Option(name = "--key", description = "An idempotency key: the same key never acts twice")
    String key;

    @Reference
    InstanceAdministration instances;

    @Reference
    InstanceService lifecycle;

    abstract InstanceChange act(Instance instance, ActionOptions options);

    @Override
    public Object execute() {
        Instance found = InstanceText.existing(instances, instance);
        InstanceText.print(act(found, Optional.ofNullable(key).map(ActionOptions::withKey).orElse(ActionOptions.NONE)));
        return null;
    }
}
