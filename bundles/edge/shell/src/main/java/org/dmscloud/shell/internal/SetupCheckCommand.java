package org.dmscloud.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.health.OperatorAttention;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

@Service
@Command(scope = "dms", name = "setup-check", description = "What needs an operator now: what the platform lacks before customers can "
        + "register, pay and be told (mail, payments), and anything else the health check's attention lists")
public class SetupCheckCommand implements Action {

    @Reference
    BundleContext bundleContext;

    @Override
    public Object execute() throws InvalidSyntaxException {
        List<String> needs = new ArrayList<>();
        for (ServiceReference<OperatorAttention> reference : bundleContext.getServiceReferences(OperatorAttention.class, null)) {
            OperatorAttention check = bundleContext.getService(reference);
            if (check == null) {
                continue;
            }
            try {
                needs.addAll(check.attention());
            } catch (RuntimeException e) {
                needs.add(reference.getBundle().getSymbolicName() + ": its check failed: " + e);
            } finally {
                bundleContext.ungetService(reference);
            }
        }
        if (needs.isEmpty()) {
            System.out.println("Nothing needs you: mail, payments and today's billing are in order.");
            return null;
        }
        needs.stream().sorted().forEach(need -> System.out.println("- " + need));
        return null;
    }
}
