package io.waybill.core.internal.shell;

import io.waybill.core.api.SetupService;
import io.waybill.core.model.SetupChecklist;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code waybill:setup}: the first-run checklist, from the same {@link SetupService} as the {@code /setup} page: each
 * step done or not, with the shell command (and page) that does it next.
 */
@Command(scope = "waybill", name = "setup", description = "Shows the first-run checklist: warehouse, products, "
        + "store, shipping method, first order; what is done and what to do next")
@Service
public class SetupCommand implements Action {

    @Reference
    SetupService setup;

    @Override
    public Object execute() {
        SetupChecklist list = setup.checklist();
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Step", "State", "Next"}) {
            table.column(c);
        }
        int n = 0;
        for (SetupChecklist.Step s : list.steps()) {
            table.addRow().addContent(++n + ". " + title(s.kind()), s.done() ? "done (" + s.count() + ")" : "to do",
                    s.done() ? "-" : next(s.kind()));
        }
        table.print(System.out);
        System.out.println(list.complete() ? "Every step is done: Waybill is ready for your orders."
                : list.steps().stream().filter(s -> s.done()).count() + " of " + list.steps().size()
                + " steps done. Next: " + list.steps().stream().filter(s -> !s.done()).findFirst()
                .map(s -> next(s.kind())).orElse(""));
        return null;
    }

    static String title(SetupChecklist.Kind kind) {
        return switch (kind) {
            case WAREHOUSE -> "Create a warehouse";
            case PRODUCTS -> "Add products";
            case STORE -> "Add a store";
            case SHIPPING_METHOD -> "Set a default shipping method for the store";
            case FIRST_ORDER -> "Capture or import the first order";
        };
    }

    static String next(SetupChecklist.Kind kind) {
        return switch (kind) {
            case WAREHOUSE -> "waybill:warehouse-add (page /warehouses)";
            case PRODUCTS -> "waybill:sku-import or waybill:sku-add (page /products)";
            case STORE -> "waybill:store-add (page /stores)";
            case SHIPPING_METHOD -> "waybill:store-set CODE --shipping-method CARRIER/SERVICE (page /stores)";
            case FIRST_ORDER -> "waybill:capture STORE or waybill:import --store STORE FILE (page /orders/import)";
        };
    }
}
