package org.smarthall.platform.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.smarthall.api.plugin.PluginDirectory;

@Service
@Command(scope = "hall", name = "plugins", description = "Lists the SmartHall plugins in this runtime: tag themes, grading models, cabins, channels, devices, policies.")
public class PluginsCommand implements Action {

    @Reference
    private PluginDirectory directory;

    @Option(name = "-k", aliases = "--kind", description = "Only plugins of this kind (tag-theme, grading-model, cabin, channel, device, policy, job-type)")
    private String kind;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Id");
        table.column("Bundle");
        table.column("Version");
        table.column("State");
        directory.plugins().stream()
                .filter(p -> kind == null || kind.equals(p.kind()))
                .forEach(p -> table.addRow().addContent(p.kind(), p.id(), p.bundle(), p.bundleVersion(), p.state()));
        table.print(System.out);
        return null;
    }
}
