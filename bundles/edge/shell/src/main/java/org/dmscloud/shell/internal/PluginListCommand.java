package org.dmscloud.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.catalog.PluginReport;
import org.dmscloud.api.catalog.PluginReport.PluginBundle;

@Service
@Command(scope = "dms", name = "plugin-list", description = "The plugin bundles that supply, price or describe the catalog, with what each "
        + "contributes and what is wrong with it")
public class PluginListCommand implements Action {

    @Option(name = "--problems", description = "Only the bundles with a problem")
    boolean problemsOnly;

    @Reference
    PluginReport report;

    @Override
    public Object execute() {
        List<PluginBundle> plugins = report.plugins().stream().filter(p -> !problemsOnly || !p.problems().isEmpty()).toList();
        ShellTable table = new ShellTable();
        table.column("Bundle");
        table.column("Version");
        table.column("Id").alignRight();
        table.column("State");
        table.column("Contributes");
        table.column("Problems").alignRight();
        for (PluginBundle plugin : plugins) {
            table.addRow().addContent(plugin.symbolicName(), plugin.version(), plugin.bundleId(), plugin.state(),
                    String.join(", ", plugin.contributes()), plugin.problems().size());
        }
        table.print(System.out);
        for (PluginBundle plugin : plugins) {
            if (!plugin.problems().isEmpty()) {
                System.out.println();
                System.out.println(plugin.symbolicName() + " " + plugin.version() + " (bundle " + plugin.bundleId() + "):");
                plugin.problems().forEach(problem -> System.out.println("  - " + problem));
            }
        }
        return null;
    }
}
