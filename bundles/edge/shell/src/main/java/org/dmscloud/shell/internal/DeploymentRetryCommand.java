package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.deployment.Deployments;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;

@Service
@Command(scope = "dms", name = "deployment-retry", description = "Tries an instance's pending deployment change again now, instead of after its pause")
public class DeploymentRetryCommand implements Action {

    @Argument(index = 0, name = "instance", required = true, description = "The instance id")
    @Completion(InstanceIdCompleter.class)
    String instance;

    @Reference
    InstanceAdministration instances;

    @Reference
    Deployments deployments;

    @Override
    public Object execute() {
        Instance retried = InstanceText.existing(instances, instance);
        if (deployments.retry(retried.id())) {
            System.out.println("Retrying the deployment of " + retried.id() + " now; dms:instance-show " + retried.id() + " shows how it went.");
        } else {
            System.out.println("Nothing is pending for the deployment of " + retried.id() + ".");
        }
        return null;
    }
}
