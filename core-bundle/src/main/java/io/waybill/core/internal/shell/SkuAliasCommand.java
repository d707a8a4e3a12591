package io.waybill.core.internal.shell;

import io.waybill.core.model.Reason;
import io.waybill.core.api.ProductService;
import io.waybill.core.model.SkuAlias;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code waybill:sku-alias}: lists, sets or removes a store's marketplace SKU to Waybill SKU mappings. */
@Command(scope = "waybill", name = "sku-alias", description = "Maps a store's marketplace SKU to a Waybill SKU and "
        + "releases the store's orders held for it (SKU not matched): sku-alias --store STORE PLATFORM_SKU SKU (or "
        + "sku-alias STORE PLATFORM_SKU SKU) | sku-alias --remove STORE PLATFORM_SKU | sku-alias [STORE]")
@Service
public class SkuAliasCommand implements Action {

    @Reference
    ProductService products;

    @Reference
    Session session;

    @Option(name = "--remove", description = "Remove the mapping of STORE PLATFORM_SKU")
    boolean remove;

    @Option(name = "--store", aliases = "-s", description = "Store code; then the arguments are PLATFORM_SKU SKU")
    String storeOption;

    @Argument(index = 0, name = "store", description = "Store code")
    String store;

    @Argument(index = 1, name = "platformSku", description = "The SKU as the marketplace sends it")
    String platformSku;

    @Argument(index = 2, name = "sku", description = "The Waybill SKU it stands for")
    String sku;

    @Override
    public Object execute() {
        String user = ShellUser.name(session);
        if (storeOption != null) { // --store S PLATFORM_SKU SKU: the positional arguments move up by one
            if (sku != null) {
                throw TrailingOptions.invalid(Reason.of(Reason.OPTIONS_ALIAS_STORE));
            }
            sku = platformSku;
            platformSku = store;
            store = storeOption;
        }
        if (remove) {
            if (platformSku == null) {
                throw TrailingOptions.invalid(Reason.of(Reason.OPTIONS_ALIAS_REMOVE));
            }
            System.out.println(products.removeAlias(store, platformSku, user)
                    ? "Removed " + store + ": " + platformSku : "No alias " + platformSku + " in " + store);
            return null;
        }
        if (platformSku != null) {
            if (sku == null) {
                throw TrailingOptions.invalid(Reason.of(Reason.OPTIONS_ALIAS_SKU));
            }
            SkuAlias a = products.setAlias(store, platformSku, sku, user);
            System.out.println(a.storeCode() + ": " + a.platformSku() + " -> " + a.sku());
            if (!a.released().isEmpty()) {
                System.out.println("Released to waiting for delivery: " + String.join(" ", a.released()));
            }
            if (!a.stillHeld().isEmpty()) {
                System.out.println("Still held (another SKU not matched): " + String.join(" ", a.stillHeld()));
            }
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Store");
        table.column("Platform SKU");
        table.column("SKU");
        for (SkuAlias a : products.aliases(store)) {
            table.addRow().addContent(a.storeCode(), a.platformSku(), a.sku());
        }
        table.print(System.out);
        return null;
    }
}
