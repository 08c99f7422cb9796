package org.dmscloud.shell.internal;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceService;

@Service
@Command(scope = "dms", name = "instance-disable", description = "Disables an instance: free, refunds nothing, keeps its paid day (R3)")
public class InstanceDisableCommand implements Action {

    @Argument(index = 0, name = "instance", required = true, description = "The instance id")
    @Completion(InstanceIdCompleter.class)
    String instance;

    @Option(name = "--key", description = "An idempotency key: the same key never acts twice")
    String key;

    @Reference
    InstanceAdministration instances;

    @Reference
    InstanceService lifecycle;

    @Override
    public Object execute() {
        Instance found = InstanceText.existing(instances, instance);
        ActionOptions options = Optional.ofNullable(key).map(ActionOptions::withKey).orElse(ActionOptions.NONE);
        InstanceText.print(lifecycle.disable(found.account(), found.id(), options));
        return null;
    }
}
