package io.waybill.core.internal.shell;

import io.waybill.core.api.CarrierUploadService;
import io.waybill.core.api.ShippingService;
import io.waybill.core.api.SyncService;
import io.waybill.core.model.CarrierCodeMapping;
import io.waybill.core.model.SkuTolerance;
import io.waybill.core.model.StoreTolerance;
import io.waybill.core.model.ShippingMethodInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;

/**
 * {@code waybill:settings}: delivery settings from the shell. Subcommands: {@code show},
 * {@code shipping-method STORE CODE CARRIER [SERVICE] [--default]}, {@code auto-sync PLATFORM true|false},
 * {@code carrier-code PLATFORM CARRIER CODE}, {@code tolerance STORE GRAMS PERCENT},
 * {@code sku-tolerance SKU GRAMS|none}.
 */
@Command(scope = "waybill", name = "settings", description = "Shows or changes delivery settings: show | "
        + "shipping-method STORE CODE CARRIER [SERVICE] [--default] | auto-sync PLATFORM true|false | "
        + "carrier-code PLATFORM CARRIER CODE | tolerance STORE GRAMS PERCENT | sku-tolerance SKU GRAMS|none")
@Service
public class SettingsCommand implements Action {

    @Reference
    CarrierUploadService carriers;

    @Reference
    SyncService sync;

    @Reference
    ShippingService shipping;

    @Reference
    Session session;

    @Option(name = "--default", description = "Make the shipping method the store's default")
    boolean isDefault;

    @Argument(name = "args", description = "Subcommand and its arguments", required = true, multiValued = true)
    List<String> args;

    @Override
    public Object execute() {
        String actor = ShellUser.name(session);
        switch (args.get(0)) {
            case "show" -> {
                System.out.println("Shipping methods:");
                for (ShippingMethodInfo m : carriers.shippingMethods(null)) {
                    System.out.println("  " + m.storeCode() + " " + m.code() + " -> " + m.carrierId()
                            + (m.serviceCode() == null ? "" : " / " + m.serviceCode()) + (m.isDefault() ? " (default)" : ""));
                }
                System.out.println("Sync automatically after shipping:");
                sync.autoSync().forEach((p, on) -> System.out.println("  " + p + ": " + (on ? "yes" : "no")));
                System.out.println("Carrier codes per platform:");
                for (CarrierCodeMapping c : sync.carrierCodes()) {
                    System.out.println("  " + c.platform() + " " + c.carrierId() + " = " + c.platformCarrierCode());
                }
                System.out.println("Weight tolerance per store (the larger counts):");
                for (StoreTolerance t : shipping.storeTolerances()) {
                    System.out.println("  " + t.storeCode() + ": " + t.grams() + " g or " + t.percent() + " %");
                }
                System.out.println("SKUs with their own tolerance:");
                for (SkuTolerance t : shipping.skuTolerances()) {
                    System.out.println("  " + t.skuCode() + ": " + t.grams() + " g");
                }
            }
            case "tolerance" -> {
                need(4, "tolerance STORE GRAMS PERCENT");
                shipping.setStoreTolerance(args.get(1), number(args.get(2)), number(args.get(3)), actor);
                System.out.println(args.get(1) + ": weight tolerance " + number(args.get(2)) + " g or "
                        + number(args.get(3)) + " %, the larger");
            }
            case "sku-tolerance" -> {
                need(3, "sku-tolerance SKU GRAMS|none");
                boolean none = "none".equalsIgnoreCase(args.get(2));
                shipping.setSkuTolerance(args.get(1), none ? null : number(args.get(2)), actor);
                System.out.println(args.get(1) + ": " + (none ? "own weight tolerance removed"
                        : "own weight tolerance " + number(args.get(2)) + " g"));
            }
            case "shipping-method" -> {
                need(4, "shipping-method STORE CODE CARRIER [SERVICE] [--default]");
                ShippingMethodInfo saved = carriers.saveShippingMethod(new ShippingMethodInfo(args.get(1), args.get(2),
                        args.get(3), args.size() > 4 ? args.get(4) : null, isDefault), actor);
                System.out.println("Saved " + saved.storeCode() + " " + saved.code() + " -> " + saved.carrierId());
            }
            case "auto-sync" -> {
                need(3, "auto-sync PLATFORM true|false");
                sync.setAutoSync(args.get(1), Boolean.parseBoolean(args.get(2)), actor);
                System.out.println(args.get(1) + ": sync automatically after shipping = " + Boolean.parseBoolean(args.get(2)));
            }
            case "carrier-code" -> {
                need(4, "carrier-code PLATFORM CARRIER CODE");
                sync.saveCarrierCode(new CarrierCodeMapping(args.get(1), args.get(2),
                        String.join(" ", args.subList(3, args.size()))), actor);
                System.out.println("Saved.");
            }
            default -> System.out.println("Unknown subcommand '" + args.get(0) + "'. Use show, shipping-method, "
                    + "auto-sync, carrier-code, tolerance or sku-tolerance.");
        }
        return null;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }

    private void need(int n, String usage) {
        if (args.size() < n) {
            throw new IllegalArgumentException("Usage: waybill:settings " + usage);
        }
    }
}
