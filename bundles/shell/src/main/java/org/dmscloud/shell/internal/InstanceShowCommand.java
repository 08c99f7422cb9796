package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.instance.InstanceAdministration;

@Service
@Command(scope = "dms", name = "instance-show", description = "Shows an instance, whoever owns it")
public class InstanceShowCommand implements Action {

    @Argument(index = 0, name = "instance", required = true, description = "The instance id")
    @Completion(InstanceIdCompleter.class)
    String instance;

    @Reference
    InstanceAdministration instances;

    @Override
    public Object execute() {
        InstanceText.print(InstanceText.existing(instances, instance));
        return null;
    }
}
