package io.waybill.core.internal.shell;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.StoreService;
import io.waybill.core.internal.files.FileAccess;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.Store;
import io.waybill.core.model.StoreDraft;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code waybill:store-set}: changes what is given of a store, keeps the rest; enables or disables it. */
@Command(scope = "waybill", name = "store-set", description = "Changes a store: name, warehouses, capture interval, "
        + "auto-sync, plugin settings, secrets (--secrets-file), --enabled yes|no")
@Service
public class StoreSetCommand implements Action {

    static final String USAGE = "waybill:store-set CODE [--name NAME] [--warehouses W1,W2] [--interval MINUTES] "
            + "[--auto-sync yes|no] [--set id=value]... [--secrets-file FILE] [--enabled yes|no]";

    @Reference
    StoreService stores;

    @Reference
    FileAccess files;

    @Reference
    Session session;

    @Argument(index = 0, name = "code", required = true, description = "Store code")
    String code;

    @Option(name = "--name", aliases = "-n", description = "Display name")
    String name;

    @Option(name = "--warehouses", aliases = "-w", description = "Warehouse codes in priority order, comma-separated")
    String warehouses;

    @Option(name = "--interval", description = "Minutes between automatic captures (0 = on demand only)")
    String interval;

    @Option(name = "--auto-sync", description = "yes or no")
    String autoSync;

    @Option(name = "--set", aliases = "-s", multiValued = true, description = "A plugin setting id=value (repeat)")
    List<String> sets;

    @Option(name = "--secrets-file", description = "File in an import folder with new secret settings, id=value a line")
    String secretsFile;

    @Option(name = "--enabled", description = "no: disable the store (not captured, not synced); yes: enable it")
    String enabled;

    @Argument(index = 1, name = "options", multiValued = true, description = "The options may also follow the code")
    List<String> trailing;

    @Override
    public Object execute() throws Exception {
        Map<String, List<String>> after = TrailingOptions.parse(trailing, StoreOptions.OPTIONS, USAGE);
        if (after.containsKey("platform")) {
            throw new IllegalArgumentException("The platform of a store cannot change. Usage: " + USAGE);
        }
        Store current = stores.get(code).orElseThrow(() -> new OperationRefusedException(StoreService.UNKNOWN,
                "Unknown store '" + code + "'."));
        PlatformType type = stores.platforms().stream().filter(t -> t.id().equals(current.platform())).findFirst()
                .orElseThrow(() -> new OperationRefusedException(StoreService.UNKNOWN_PLATFORM, "The plugin of "
                        + "platform '" + current.platform() + "' is not installed, so store " + current.code()
                        + " cannot be changed now."));
        String user = ShellUser.name(session);
        Boolean enable = StoreOptions.yesNo(TrailingOptions.single(enabled, after.get("enabled"), "--enabled"),
                "--enabled");
        String newName = TrailingOptions.single(name, after.get("name"), "--name");
        List<String> wh = StoreOptions.warehouses(TrailingOptions.single(warehouses, after.get("warehouses"),
                "--warehouses"));
        Integer minutes = StoreOptions.interval(TrailingOptions.single(interval, after.get("interval"), "--interval"));
        Boolean sync = StoreOptions.yesNo(TrailingOptions.single(autoSync, after.get("auto-sync"), "--auto-sync"),
                "--auto-sync");
        Map<String, String> changed = StoreOptions.settings(TrailingOptions.merged(sets, after.get("set")), type);
        String file = TrailingOptions.single(secretsFile, after.get("secrets-file"), "--secrets-file");
        Map<String, String> secrets = file == null ? Map.of() : StoreOptions.secretsFile(files, file, type);
        boolean edit = newName != null || wh != null || minutes != null || sync != null || !changed.isEmpty()
                || !secrets.isEmpty();
        if (!edit && enable == null) {
            throw new IllegalArgumentException("Nothing to change. Usage: " + USAGE);
        }
        Store result = current;
        if (edit) {
            Map<String, String> settings = new HashMap<>(current.settings());
            settings.putAll(changed);
            settings.putAll(secrets);
            result = stores.update(new StoreDraft(current.code(), newName == null ? current.name() : newName,
                    current.platform(), minutes == null ? current.captureIntervalMinutes() : minutes,
                    wh == null ? current.warehouses() : wh, sync == null ? current.autoSync() : sync, settings), user);
        }
        if (enable != null) {
            result = stores.setEnabled(current.code(), enable, user);
        }
        System.out.println("Changed store " + StoreListCommand.line(result));
        return null;
    }
}
