package io.waybill.core.internal.shell;

import io.waybill.core.model.Reason;
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

/** {@code waybill:store-set}: changes what is given of a store, keeps the rest; enables or disables it. */
@Command(scope = "waybill", name = "store-set", description = "Changes a store: name, warehouses, capture interval, "
        + "auto-sync, default shipping method, plugin settings, secrets (--secrets-file), --enabled yes|no")
@Service
public class StoreSetCommand extends StoreCommand {

    static final String USAGE = "waybill:store-set CODE [--name NAME] [--warehouses W1,W2] [--interval MINUTES] "
            + "[--auto-sync yes|no] [--shipping-method [CODE=]CARRIER[/SERVICE]] [--set id=value]... "
            + "[--secrets-file FILE] [--enabled yes|no]";

    @Option(name = "--enabled", description = "no: disable the store (not captured, not synced); yes: enable it")
    String enabled;

    @Override
    public Object execute() throws Exception {
        Map<String, List<String>> after = after(USAGE);
        if (after.containsKey("platform")) {
            throw new IllegalArgumentException("The platform of a store cannot change. Usage: " + USAGE);
        }
        Store current = stores.get(code).orElseThrow(
                () -> new OperationRefusedException(Reason.of(Reason.UNKNOWN_STORE, code)));
        PlatformType type = stores.platforms().stream().filter(t -> t.id().equals(current.platform())).findFirst()
                .orElseThrow(() -> new OperationRefusedException(StoreService.UNKNOWN_PLATFORM, "The plugin of "
                        + "platform '" + current.platform() + "' is not installed, so store " + current.code()
                        + " cannot be changed now."));
        String user = ShellUser.name(session);
        Boolean enable = StoreOptions.yesNo(TrailingOptions.single(enabled, after.get("enabled"), "--enabled"),
                "--enabled");
        Given g = given(after, type);
        boolean edit = g.name() != null || g.warehouses() != null || g.interval() != null || g.autoSync() != null
                || g.method() != null || !g.settings().isEmpty() || !g.secrets().isEmpty();
        if (!edit && enable == null) {
            throw new IllegalArgumentException("Nothing to change. Usage: " + USAGE);
        }
        Store result = current;
        if (edit) {
            Map<String, String> settings = new HashMap<>(current.settings());
            settings.putAll(g.settings());
            settings.putAll(g.secrets());
            result = stores.update(new StoreDraft(current.code(), g.name() == null ? current.name() : g.name(),
                    current.platform(), g.interval() == null ? current.captureIntervalMinutes() : g.interval(),
                    g.warehouses() == null ? current.warehouses() : g.warehouses(),
                    g.autoSync() == null ? current.autoSync() : g.autoSync(), settings, g.method()), user);
        }
        if (enable != null) {
            result = stores.setEnabled(current.code(), enable, user);
        }
        System.out.println("Changed store " + StoreListCommand.line(result));
        return null;
    }
}
