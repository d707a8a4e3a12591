package io.waybill.core.internal.shell;

import io.waybill.core.api.WarehouseService;
import io.waybill.core.model.StockRow;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:stock-location}: sets or clears the bin location of a SKU in a warehouse. */
@Command(scope = "waybill", name = "stock-location", description = "Sets the bin location of a SKU in a warehouse "
        + "(without BIN: clears it)")
@Service
public class StockLocationCommand implements Action {

    @Reference
    WarehouseService warehouses;

    @Reference
    Session session;

    @Argument(index = 0, name = "warehouse", required = true, description = "Warehouse code")
    String warehouse;

    @Argument(index = 1, name = "sku", required = true, description = "SKU code")
    String sku;

    @Argument(index = 2, name = "bin", description = "Bin location, e.g. A03-07")
    String bin;

    @Override
    public Object execute() {
        StockRow row = warehouses.setLocation(warehouse, sku, bin, ShellUser.name(session));
        System.out.println(row.warehouseCode() + " " + row.skuCode() + ": location "
                + (row.location() == null ? "(none)" : row.location()));
        return null;
    }
}
