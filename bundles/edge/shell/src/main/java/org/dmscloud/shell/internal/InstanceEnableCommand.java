package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceChange;

@Service
@Command(scope = "dms", name = "instance-enable", description = "Enables an instance by the billing rules: free inside its paid day (R4), else charged for the rest of the day (R5)")
public class InstanceEnableCommand extends InstanceActionCommand {

    @Override
    InstanceChange act(Instance instance, ActionOptions options) {
        return lifecycle.enable(instance.account(), instance.id(), options);
    }
}
