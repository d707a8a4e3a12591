package io.waybill.core.internal.shell;

import io.waybill.core.api.OrderService;
import io.waybill.core.model.OrderSummary;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.List;

/** {@code waybill:order-list}: lists captured orders, newest first. */
@Command(scope = "waybill", name = "order-list", description = "Lists captured orders, newest first")
@Service
public class OrderListCommand implements Action {

    @Reference
    OrderService orders;

    @Option(name = "--limit", aliases = "-n", description = "Maximum number of orders to show")
    int limit = 100;

    @Option(name = "--offset", description = "Number of orders to skip")
    int offset = 0;

    @Override
    public Object execute() {
        List<OrderSummary> page = orders.list(offset, limit);
        ShellTable table = new ShellTable();
        table.column("Order no.");
        table.column("Store");
        table.column("Platform");
        table.column("Buyer");
        table.column("Country");
        table.column("Lines").alignRight();
        table.column("Created");
        table.column("State");
        for (OrderSummary o : page) {
            table.addRow().addContent(o.orderNo(), o.storeCode(), o.platform(), o.buyerName(), o.countryCode(),
                    o.lineCount(), Formats.time(o.createdAt()), o.cancelled() ? "cancelled" : "open");
        }
        table.print(System.out);
        System.out.println(page.size() + " of " + orders.count() + " orders");
        return null;
    }
}
