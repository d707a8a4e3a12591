package io.waybill.core.internal.shell;

import io.waybill.core.api.PluginRegistry;
import io.waybill.core.api.StoreService;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.PluginInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.List;
import java.util.Locale;

/**
 * {@code waybill:plugin-list}: the carrier, platform and device plugins registered right now, then the platform
 * plugins installed whose service is not registered because no account of them is configured yet (read from the
 * installed bundles' Metatype, see {@link StoreService#platforms()}).
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
        StoreService s = stores;
        List<PlatformType> idle = s == null ? List.of() : s.platforms().stream()
                .filter(t -> plugins.stream().noneMatch(p -> p.kind() == PluginInfo.Kind.PLATFORM
                        && p.id().equals(t.id())))
                .toList();
        if (!idle.isEmpty()) {
            System.out.println();
            System.out.println("Installed, no account configured yet (add one with waybill:store-add):");
            ShellTable types = new ShellTable();
            types.column("Kind");
            types.column("Id");
            types.column("Name");
            types.column("Bundle");
            for (PlatformType t : idle) {
                types.addRow().addContent("platform", t.id(), t.name(), t.bundleName());
            }
            types.print(System.out);
            System.out.println(idle.size() + " plugin types without an account");
        }
        return null;
    }
}
