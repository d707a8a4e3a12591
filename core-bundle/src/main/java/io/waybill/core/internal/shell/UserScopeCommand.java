package io.waybill.core.internal.shell;

import io.waybill.core.api.UserService;
import io.waybill.core.model.UserInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;
import java.util.Map;

/** {@code waybill:user-scope}: limits a user to warehouses and stores, or lifts the limit (admin). */
@Command(scope = "waybill", name = "user-scope", description = "Limits a user to some warehouses/stores "
        + "(no option: sees everything)")
@Service
public class UserScopeCommand implements Action {

    @Reference
    UserService users;

    @Reference
    Session session;

    @Argument(name = "name", required = true, description = "User name")
    String name;

    @Option(name = "--warehouse", aliases = "-w", multiValued = true, description = "Warehouse code (repeat)")
    List<String> warehouses;

    @Option(name = "--store", aliases = "-s", multiValued = true, description = "Store code (repeat)")
    List<String> stores;

    @Argument(index = 1, name = "options", multiValued = true, description = "--warehouse / --store may also "
            + "follow the name")
    List<String> trailing;

    @Override
    public Object execute() {
        Map<String, List<String>> after = TrailingOptions.parse(trailing, Map.of("--warehouse", "warehouse", "-w",
                "warehouse", "--store", "store", "-s", "store"), "waybill:user-scope NAME [--warehouse W]... "
                + "[--store S]...");
        UserInfo u = users.setScope(name, UserAddCommand.set(TrailingOptions.merged(warehouses,
                after.get("warehouse"))), UserAddCommand.set(TrailingOptions.merged(stores, after.get("store"))),
                ShellUser.name(session));
        System.out.println("User " + u.name() + " sees warehouses " + UserAddCommand.codes(u.warehouses())
                + ", stores " + UserAddCommand.codes(u.stores()));
        return null;
    }
}
