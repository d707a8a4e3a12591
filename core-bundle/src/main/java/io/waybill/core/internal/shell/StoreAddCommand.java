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

/** {@code waybill:store-add}: creates a store and its plugin account; secrets from a file or the console. */
@Command(scope = "waybill", name = "store-add", description = "Adds a store (a marketplace account): platform, "
        + "warehouses, plugin settings; secrets from --secrets-file or typed without echo")
@Service
public class StoreAddCommand implements Action {

    static final String USAGE = "waybill:store-add CODE --platform ID --name NAME --warehouses W1,W2 "
            + "[--interval MINUTES] [--auto-sync yes|no] [--set id=value]... [--secrets-file FILE]";

    @Reference
    StoreService stores;

    @Reference
    FileAccess files;

    @Reference
    Session session;

    @Argument(index = 0, name = "code", required = true, description = "Store code (letters, digits, - _ .)")
    String code;

    @Option(name = "--platform", aliases = "-p", description = "Platform id of an installed plugin (waybill:plugin-list)")
    String platform;

    @Option(name = "--name", aliases = "-n", description = "Display name")
    String name;

    @Option(name = "--warehouses", aliases = "-w", description = "Warehouse codes in priority order, comma-separated")
    String warehouses;

    @Option(name = "--interval", description = "Minutes between automatic captures (0 = on demand only; default 15)")
    String interval;

    @Option(name = "--auto-sync", description = "yes (default) or no: sync shipped packages to the store automatically")
    String autoSync;

    @Option(name = "--set", aliases = "-s", multiValued = true, description = "A plugin setting id=value (repeat)")
    List<String> sets;

    @Option(name = "--secrets-file", description = "File in an import folder with the secret settings, one id=value a line")
    String secretsFile;

    @Argument(index = 1, name = "options", multiValued = true, description = "The options may also follow the code")
    List<String> trailing;

    @Override
    public Object execute() throws Exception {
        Map<String, List<String>> after = TrailingOptions.parse(trailing, StoreOptions.OPTIONS, USAGE);
        if (after.containsKey("enabled")) {
            throw new IllegalArgumentException("A new store is enabled; --enabled is for waybill:store-set. Usage: "
                    + USAGE);
        }
        String platformId = TrailingOptions.single(platform, after.get("platform"), "--platform");
        if (platformId == null) {
            throw new IllegalArgumentException("Give the platform with --platform (installed: " + String.join(", ",
                    stores.platforms().stream().map(PlatformType::id).toList()) + "). Usage: " + USAGE);
        }
        PlatformType type = stores.platforms().stream().filter(t -> t.id().equalsIgnoreCase(platformId.strip()))
                .findFirst().orElseThrow(() -> new OperationRefusedException(StoreService.UNKNOWN_PLATFORM,
                        "No installed plugin offers platform '" + platformId.strip() + "'; installed: "
                                + String.join(", ", stores.platforms().stream().map(PlatformType::id).toList()) + "."));
        Map<String, String> settings = new HashMap<>(StoreOptions.settings(
                TrailingOptions.merged(sets, after.get("set")), type));
        String file = TrailingOptions.single(secretsFile, after.get("secrets-file"), "--secrets-file");
        Map<String, String> secrets = file == null ? new HashMap<>()
                : new HashMap<>(StoreOptions.secretsFile(files, file, type));
        Integer minutes = StoreOptions.interval(TrailingOptions.single(interval, after.get("interval"), "--interval"));
        Boolean sync = StoreOptions.yesNo(TrailingOptions.single(autoSync, after.get("auto-sync"), "--auto-sync"),
                "--auto-sync");
        List<String> wh = StoreOptions.warehouses(TrailingOptions.single(warehouses, after.get("warehouses"),
                "--warehouses"));
        StoreDraft draft = new StoreDraft(code, TrailingOptions.single(name, after.get("name"), "--name"), type.id(),
                minutes == null ? 15 : minutes, wh, sync == null || sync, settings);
        if (file == null) {
            StoreOptions.promptMissing(session, type, secrets);
        }
        settings.putAll(secrets);
        Store created = stores.create(new StoreDraft(draft.code(), draft.name(), draft.platform(),
                draft.captureIntervalMinutes(), draft.warehouses(), draft.autoSync(), settings),
                ShellUser.name(session));
        System.out.println("Added store " + StoreListCommand.line(created));
        return null;
    }
}
