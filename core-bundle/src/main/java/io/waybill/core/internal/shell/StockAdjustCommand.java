package io.waybill.core.internal.shell;

import io.waybill.core.api.StockService;
import io.waybill.core.model.StockRow;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:stock-adjust}: adds or removes stock (goods received, damaged, ...). */
@Command(scope = "waybill", name = "stock-adjust", description = "Adds (+n) or removes (-n) stock of a SKU")
@Service
public class StockAdjustCommand implements Action {

    @Reference
    StockService stock;

    @Reference
    Session session;

    @Argument(index = 0, name = "warehouse", required = true, description = "Warehouse code")
    String warehouse;

    @Argument(index = 1, name = "sku", required = true, description = "SKU code")
    String sku;

    @Argument(index = 2, name = "delta", required = true, description = "Change, e.g. 20 or -3")
    int delta;

    @Option(name = "--reason", aliases = "-r", description = "Why (goods received, damaged, ...)")
    String reason = "adjustment";

    @Override
    public Object execute() {
        StockRow row = stock.adjust(warehouse, sku, delta, reason, ShellUser.name(session));
        System.out.println(StockListCommand.line(row));
        return null;
    }
}
