package io.waybill.core.internal.shell;

import io.waybill.core.api.WarehouseService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:warehouse-delete}: deletes an unused warehouse; one with stock or packages is refused. */
@Command(scope = "waybill", name = "warehouse-delete", description = "Deletes a warehouse that holds no stock and "
        + "has no packages (otherwise disable it)")
@Service
public class WarehouseDeleteCommand implements Action {

    @Reference
    WarehouseService warehouses;

    @Reference
    Session session;

    @Argument(index = 0, name = "code", required = true, description = "Warehouse code")
    String code;

    @Override
    public Object execute() {
        warehouses.delete(code, ShellUser.name(session));
        System.out.println("Deleted warehouse " + code.strip());
        return null;
    }
}
