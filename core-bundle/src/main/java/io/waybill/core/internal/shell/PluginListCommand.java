package io.waybill.core.internal.shell;

import io.waybill.core.api.PluginRegistry;
import io.waybill.core.model.PluginInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.List;
import java.util.Locale;

/** {@code waybill:plugin-list}: the carrier, platform and device plugins registered right now. */
@Command(scope = "waybill", name = "plugin-list", description = "Lists carrier, platform and device plugins")
@Service
public class PluginListCommand implements Action {

    @Reference
    PluginRegistry registry;

    @Override
    public Object execute() {
        List<PluginInfo> plugins = registry.plugins();
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Id");
        table.column("Name");
        table.column("Bundle");
        table.column("Version");
        for (PluginInfo p : plugins) {
            table.addRow().addContent(p.kind().name().toLowerCase(Locale.ROOT), p.id(), p.displayName(),
                    p.bundleName() + " [" + p.bundleId() + "]", p.bundleVersion());
        }
        table.print(System.out);
        System.out.println(plugins.size() + " plugins");
        return null;
    }
}
