package io.waybill.core.internal.shell;

import io.waybill.core.api.StockService;
import io.waybill.core.model.StockRow;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.List;

/** {@code waybill:stock-list}: stock levels. */
@Command(scope = "waybill", name = "stock-list", description = "Lists stock: on hand, reserved, available")
@Service
public class StockListCommand implements Action {

    @Reference
    StockService stock;

    @Option(name = "--warehouse", aliases = "-w", description = "Warehouse code")
    String warehouse;

    @Option(name = "--sku", description = "SKU code prefix")
    String sku;

    @Override
    public Object execute() {
        List<StockRow> rows = stock.list(warehouse, sku);
        ShellTable table = new ShellTable();
        table.column("Warehouse");
        table.column("SKU");
        table.column("Location");
        table.column("On hand").alignRight();
        table.column("Reserved").alignRight();
        table.column("Available").alignRight();
        for (StockRow r : rows) {
            table.addRow().addContent(r.warehouseCode(), r.skuCode(), r.location() == null ? "" : r.location(),
                    r.onHand(), r.reserved(), r.available());
        }
        table.print(System.out);
        return null;
    }

    static String line(StockRow r) {
        return r.warehouseCode() + " " + r.skuCode() + ": on hand " + r.onHand() + ", reserved " + r.reserved()
                + ", available " + r.available();
    }
}
