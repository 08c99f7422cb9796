package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceChange;

@Service
@Command(scope = "dms", name = "instance-disable", description = "Disables an instance: free, refunds nothing, keeps its paid day (R3)")
public class InstanceDisableCommand extends InstanceActionCommand {

    @Override
    InstanceChange act(Instance instance, ActionOptions options) {
        return lifecycle.disable(instance.account(), instance.id(), options);
    }
}
