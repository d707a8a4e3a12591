package io.waybill.core.internal.shell;

import io.waybill.core.model.Reason;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.StoreService;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.SettingField;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.core.model.Store;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.List;

/**
 * {@code waybill:store-list}: the stores; with a code, one store's settings. Secret settings show as "set" or
 * "not set", never their value.
 */
@Command(scope = "waybill", name = "store-list", description = "Lists stores; with a code, shows one store's "
        + "settings (secrets only as set / not set)")
@Service
public class StoreListCommand implements Action {

    @Reference
    StoreService stores;

    @Argument(index = 0, name = "code", required = false, description = "Show this store's settings")
    String code;

    @Override
    public Object execute() {
        if (code != null) {
            show(stores.get(code).orElseThrow(
                    () -> new OperationRefusedException(Reason.of(Reason.UNKNOWN_STORE, code))));
            return null;
        }
        List<Store> all = stores.list();
        ShellTable table = new ShellTable();
        for (String c : List.of("Code", "Name", "Platform", "Enabled", "Auto-sync", "Capture", "Warehouses",
                "Account", "Shipping method")) {
            table.column(c);
        }
        for (Store s : all) {
            table.addRow().addContent(s.code(), s.name(), s.platform(), s.enabled() ? "yes" : "no",
                    s.autoSync() ? "yes" : "no", capture(s), String.join(">", s.warehouses()), account(s),
                    method(s));
        }
        table.print(System.out);
        System.out.println(all.size() + " stores");
        return null;
    }

    private void show(Store s) {
        System.out.println(line(s));
        System.out.println("  capture: " + capture(s) + (s.lastCaptureAt() == null ? "" : ", last " + s.lastCaptureAt()
                + (s.lastCaptureError() == null ? " ok" : " failed: " + s.lastCaptureError())));
        PlatformType type = stores.platforms().stream().filter(t -> t.id().equals(s.platform())).findFirst()
                .orElse(null);
        if (type == null) {
            System.out.println("  the plugin of platform " + s.platform() + " is not installed");
            return;
        }
        for (SettingField f : type.settings()) {
            String value = f.secret() ? (s.secretsSet().contains(f.id()) ? "set" : "not set")
                    : s.settings().getOrDefault(f.id(), f.defaultValue() == null ? "" : f.defaultValue() + " (default)");
            System.out.println("  " + f.id() + " = " + value + "    [" + f.name() + (f.required() ? ", required" : "")
                    + "]");
        }
    }

    static String capture(Store s) {
        return s.captureIntervalMinutes() == 0 ? "on demand" : "every " + s.captureIntervalMinutes() + " min";
    }

    /** The default shipping method, {@code STANDARD -> pool/RR}, or "-". */
    static String method(Store s) {
        ShippingMethodInfo m = s.defaultShippingMethod();
        return m == null ? "-" : m.code() + " -> " + m.carrierId() + (m.serviceCode() == null ? ""
                : "/" + m.serviceCode());
    }

    static String account(Store s) {
        return s.accountConfigured() ? "configured" : "-";
    }

    /** One line about a store, for the add/set commands' answers. */
    static String line(Store s) {
        return s.code() + " (" + s.name() + ", " + s.platform() + ", " + (s.enabled() ? "enabled" : "disabled")
                + ", capture " + capture(s) + ", warehouses " + String.join(">", s.warehouses()) + ", auto-sync "
                + (s.autoSync() ? "yes" : "no") + ", shipping method " + method(s) + ", account " + (s.accountConfigured() ? "configured" : "none")
                + (s.secretsSet().isEmpty() ? "" : ", secrets set: " + String.join(", ", s.secretsSet().stream()
                .sorted().toList())) + ")";
    }
}
