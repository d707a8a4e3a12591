package io.waybill.core.internal.shell;

import io.waybill.core.api.StoreService;
import io.waybill.core.model.ConnectionTest;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:store-test}: Test connection of a store (one cheap read-only request of its plugin). */
@Command(scope = "waybill", name = "store-test", description = "Tests a store's marketplace connection")
@Service
public class StoreTestCommand implements Action {

    @Reference
    StoreService stores;

    @Reference
    Session session;

    @Argument(index = 0, name = "code", required = true, description = "Store code")
    String code;

    @Override
    public Object execute() {
        ConnectionTest t = stores.testConnection(code, ShellUser.name(session));
        if (!t.ok()) {
            // a failed test fails the command (exit code), with the plugin's words
            throw new IllegalStateException("Connection test of store " + code.strip() + " failed (" + t.code()
                    + "): " + t.text());
        }
        System.out.println("Connection test of store " + code.strip() + " OK: " + t.text());
        return null;
    }
}
