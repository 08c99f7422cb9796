package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.acs.AcsEndpoint;
import org.dmscloud.api.acs.AcsService;
import org.dmscloud.api.deployment.Deployments;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceState;

@Service
@Command(scope = "dms", name = "instance-show", description = "Shows an instance, whoever owns it, with its deployment and devices")
public class InstanceShowCommand implements Action {

    @Argument(index = 0, name = "instance", required = true, description = "The instance id")
    @Completion(InstanceIdCompleter.class)
    String instance;

    @Reference
    InstanceAdministration instances;

    @Reference
    Deployments deployments;

    @Reference
    AcsService acs;

    @Override
    public Object execute() {
        Instance shown = InstanceText.existing(instances, instance);
        InstanceText.print(shown);
        deployments.find(shown.id()).ifPresentOrElse(deployment -> System.out.println("Deployment: " + DeploymentText.line(deployment)),
                () -> System.out.println("Deployment: none asked for yet"));
        if (shown.state() != InstanceState.DELETED) {
            AcsEndpoint endpoint = acs.endpoint(shown.account(), shown.id());
            System.out.println("Devices:   " + endpoint.devices() + " of " + endpoint.expectedDevices() + " expected, " + endpoint.refusedDevices()
                    + " refused; endpoint " + endpoint.path() + ", " + endpoint.username().map(user -> "user " + user).orElse("no credentials yet"));
        }
        return null;
    }
}
