package io.waybill.core.internal.shell;

import io.waybill.core.api.StoreService;
import io.waybill.core.internal.files.FileAccess;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.ShippingMethodInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What {@code waybill:store-add} and {@code waybill:store-set} share: the services, the store options (Karaf reads
 * the annotated fields of superclasses too) and their reading, before or after the code ({@link TrailingOptions}),
 * into one {@link Given}. Each command adds its own options (--platform, --enabled) and rules.
 */
abstract class StoreCommand implements Action {

    @Reference
    StoreService stores;

    @Reference
    FileAccess files;

    @Reference
    Session session;

    @Argument(index = 0, name = "code", required = true, description = "Store code (letters, digits, - _ .)")
    String code;

    @Option(name = "--name", aliases = "-n", description = "Display name")
    String name;

    @Option(name = "--warehouses", aliases = "-w", description = "Warehouse codes in priority order, comma-separated")
    String warehouses;

    @Option(name = "--interval", description = "Minutes between automatic captures (0 = on demand only; new store: 15)")
    String interval;

    @Option(name = "--auto-sync", description = "yes (new store's default) or no: sync shipped packages automatically")
    String autoSync;

    @Option(name = "--shipping-method", description = "The store's default shipping method, [CODE=]CARRIER[/SERVICE],"
            + " e.g. pool/RR or EXPRESS=shippo/usps_priority (code: the current default's, else STANDARD)")
    String shippingMethod;

    @Option(name = "--set", aliases = "-s", multiValued = true, description = "A plugin setting id=value (repeat)")
    List<String> sets;

    @Option(name = "--secrets-file", description = "File in an import folder with the secret settings, one id=value a line")
    String secretsFile;

    @Argument(index = 1, name = "options", multiValued = true, description = "The options may also follow the code")
    List<String> trailing;

    /**
     * The options given, before or after the code; null where not given.
     *
     * @param secretsFile whether a secrets file was given (then no console prompt)
     */
    record Given(String name, List<String> warehouses, Integer interval, Boolean autoSync, ShippingMethodInfo method,
                 Map<String, String> settings, Map<String, String> secrets, boolean secretsFile,
                 Map<String, List<String>> after) {
    }

    /** The trailing options, checked against {@link StoreOptions#OPTIONS}. */
    Map<String, List<String>> after(String usage) {
        return TrailingOptions.parse(trailing, StoreOptions.OPTIONS, usage);
    }

    /** Reads every shared option for a store of this platform type. */
    Given given(Map<String, List<String>> after, PlatformType type) throws IOException {
        String file = TrailingOptions.single(secretsFile, after.get("secrets-file"), "--secrets-file");
        return new Given(TrailingOptions.single(name, after.get("name"), "--name"),
                StoreOptions.warehouses(TrailingOptions.single(warehouses, after.get("warehouses"), "--warehouses")),
                StoreOptions.interval(TrailingOptions.single(interval, after.get("interval"), "--interval")),
                StoreOptions.yesNo(TrailingOptions.single(autoSync, after.get("auto-sync"), "--auto-sync"),
                        "--auto-sync"),
                StoreOptions.shippingMethod(TrailingOptions.single(shippingMethod, after.get("shipping-method"),
                        "--shipping-method")),
                StoreOptions.settings(TrailingOptions.merged(sets, after.get("set")), type),
                file == null ? Map.of() : StoreOptions.secretsFile(files, file, type), file != null, after);
    }
}
