package io.waybill.core.internal.shell;

import io.waybill.core.api.StoreService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code waybill:store-delete}: deletes a store that never had an order (with its account configuration); a store
 * with packages is refused with the reason and can only be disabled ({@code waybill:store-set CODE --enabled no}).
 */
@Command(scope = "waybill", name = "store-delete", description = "Deletes a store without orders (and its plugin "
        + "account); a store with packages can only be disabled")
@Service
public class StoreDeleteCommand implements Action {

    @Reference
    StoreService stores;

    @Reference
    Session session;

    @Argument(index = 0, name = "code", required = true, description = "Store code")
    String code;

    @Override
    public Object execute() {
        stores.delete(code, ShellUser.name(session));
        System.out.println("Deleted store " + code.strip().toUpperCase(java.util.Locale.ROOT) + ".");
        return null;
    }
}
