package io.waybill.core.internal.shell;

import io.waybill.core.api.PluginRegistry;
import io.waybill.core.api.StoreService;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.PluginType;
import io.waybill.core.model.PluginInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code waybill:plugin-list}: the carrier, platform and device plugins registered right now, then the plugin kinds
 * installed whose service is not registered because nothing of them is configured yet (no store, carrier account or
 * scale; read from the installed bundles' Metatype, see {@link PluginRegistry#installedTypes}).
 */
@Command(scope = "waybill", name = "plugin-list", description = "Lists carrier, platform and device plugins")
@Service
public class PluginListCommand implements Action {

    @Reference
    PluginRegistry registry;

    @Reference(optional = true)
    StoreService stores;

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
        // installed plugin kinds of which nothing is registered yet: no store, carrier account or scale configured
        List<PluginType> idle = new ArrayList<>();
        for (PluginType t : registry.installedTypes(null)) {
            if (t.kind() == PluginInfo.Kind.PLATFORM ? plugins.stream().noneMatch(p -> p.kind() == t.kind()
                    && p.id().equals(t.id())) : plugins.stream().noneMatch(p -> p.kind() == t.kind()
                    && p.bundleName().equals(t.bundleName()))) {
                idle.add(t);
            }
        }
        StoreService s = stores;
        if (s != null) { // platform plugins registered without Metatype, found by the store service
            for (PlatformType t : s.platforms()) {
                if (plugins.stream().noneMatch(p -> p.kind() == PluginInfo.Kind.PLATFORM && p.id().equals(t.id()))
                        && idle.stream().noneMatch(i -> i.kind() == PluginInfo.Kind.PLATFORM && i.id().equals(t.id()))) {
                    idle.add(new PluginType(PluginInfo.Kind.PLATFORM, t.id(), t.name(), t.description(),
                            t.factoryPid(), t.hasAccount(), t.bundleName(), t.settings()));
                }
            }
        }
        if (!idle.isEmpty()) {
            System.out.println();
            System.out.println("Installed, no account configured yet (platform: waybill:store-add; carrier or device:"
                    + " config:edit --factory PID):");
            ShellTable types = new ShellTable();
            types.column("Kind");
            types.column("Id");
            types.column("Name");
            types.column("Bundle");
            types.column("PID");
            for (PluginType t : idle) {
                types.addRow().addContent(t.kind().name().toLowerCase(Locale.ROOT), t.id(), t.name(), t.bundleName(),
                        t.pid() == null ? "-" : t.pid());
            }
            types.print(System.out);
            System.out.println(idle.size() + " plugin types without an account");
        }
        return null;
    }
}
