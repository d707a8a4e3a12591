package io.waybill.core.internal.shell;

import io.waybill.core.api.FulfilmentService;
import io.waybill.core.api.PackageService;
import io.waybill.core.model.PackageStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;

/** {@code waybill:allocate}: Allocate Inventory for packages (workflow step 1, docs/workflow.md). */
@Command(scope = "waybill", name = "allocate", description = "Allocates inventory to packages; "
        + "packages that cannot be fully supplied go to the out-of-stock list")
@Service
public class AllocateCommand implements Action {

    @Reference
    FulfilmentService fulfilment;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--all-waiting", description = "All packages waiting for delivery")
    boolean allWaiting;

    @Option(name = "--retry-out-of-stock", description = "All packages on the out-of-stock list")
    boolean retryOutOfStock;

    @Argument(name = "packages", description = "Package numbers", multiValued = true)
    List<String> numbers;

    @Override
    public Object execute() {
        List<Long> ids = PackageArgs.resolve(packages, numbers, null, System.out);
        if (allWaiting) {
            ids.addAll(PackageArgs.resolve(packages, null, PackageStatus.WAITING, System.out));
        }
        if (retryOutOfStock) {
            ids.addAll(PackageArgs.resolve(packages, null, PackageStatus.OUT_OF_STOCK, System.out));
        }
        if (ids.isEmpty()) {
            System.out.println("No packages selected. Give package numbers, --all-waiting or --retry-out-of-stock.");
            return null;
        }
        PackageArgs.print("Allocate inventory", fulfilment.allocate(ids, ShellUser.name(session)), System.out);
        return null;
    }
}
