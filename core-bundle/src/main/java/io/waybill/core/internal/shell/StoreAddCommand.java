package io.waybill.core.internal.shell;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.StoreService;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.Store;
import io.waybill.core.model.StoreDraft;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code waybill:store-add}: creates a store and its plugin account; secrets from a file or the console. */
@Command(scope = "waybill", name = "store-add", description = "Adds a store (a marketplace account): platform, "
        + "warehouses, default shipping method, plugin settings; secrets from --secrets-file or typed without echo")
@Service
public class StoreAddCommand extends StoreCommand {

    static final String USAGE = "waybill:store-add CODE --platform ID --name NAME --warehouses W1,W2 "
            + "[--interval MINUTES] [--auto-sync yes|no] [--shipping-method [CODE=]CARRIER[/SERVICE]] "
            + "[--set id=value]... [--secrets-file FILE]";

    @Option(name = "--platform", aliases = "-p", description = "Platform id of an installed plugin (waybill:plugin-list)")
    String platform;

    @Override
    public Object execute() throws Exception {
        Map<String, List<String>> after = after(USAGE);
        if (after.containsKey("enabled")) {
            throw new IllegalArgumentException("A new store is enabled; --enabled is for waybill:store-set. Usage: "
                    + USAGE);
        }
        String platformId = TrailingOptions.single(platform, after.get("platform"), "--platform");
        List<PlatformType> platforms = stores.platforms();
        String installed = String.join(", ", platforms.stream().map(PlatformType::id).toList());
        if (platformId == null) {
            throw new IllegalArgumentException("Give the platform with --platform (installed: " + installed
                    + "). Usage: " + USAGE);
        }
        PlatformType type = platforms.stream().filter(t -> t.id().equalsIgnoreCase(platformId.strip())).findFirst()
                .orElseThrow(() -> new OperationRefusedException(StoreService.UNKNOWN_PLATFORM,
                        "No installed plugin offers platform '" + platformId.strip() + "'; installed: " + installed
                                + "."));
        Given g = given(after, type);
        Map<String, String> secrets = new HashMap<>(g.secrets());
        if (!g.secretsFile()) {
            StoreOptions.promptMissing(session, type, secrets);
        }
        Map<String, String> settings = new HashMap<>(g.settings());
        settings.putAll(secrets);
        Store created = stores.create(new StoreDraft(code, g.name(), type.id(),
                g.interval() == null ? 15 : g.interval(), g.warehouses(), g.autoSync() == null || g.autoSync(),
                settings, g.method()), ShellUser.name(session));
        System.out.println("Added store " + StoreListCommand.line(created));
        return null;
    }
}
