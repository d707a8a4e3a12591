package io.waybill.core.internal.shell;

import io.waybill.core.api.StockService;
import io.waybill.core.model.StockRow;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:stock-set}: records a stock count. */
@Command(scope = "waybill", name = "stock-set", description = "Sets the on-hand quantity of a SKU in a warehouse")
@Service
public class StockSetCommand implements Action {

    @Reference
    StockService stock;

    @Reference
    Session session;

    @Argument(index = 0, name = "warehouse", required = true, description = "Warehouse code")
    String warehouse;

    @Argument(index = 1, name = "sku", required = true, description = "SKU code")
    String sku;

    @Argument(index = 2, name = "onHand", required = true, description = "Quantity on hand")
    int onHand;

    @Override
    public Object execute() {
        StockRow row = stock.set(warehouse, sku, onHand, ShellUser.name(session));
        System.out.println(StockListCommand.line(row));
        return null;
    }
}
