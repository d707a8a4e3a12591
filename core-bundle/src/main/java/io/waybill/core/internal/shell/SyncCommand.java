package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.api.SyncService;
import io.waybill.core.model.PackageStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;

/** {@code waybill:sync}: "Start synchronisation" of delivery status to the stores (workflow step 5, docs/workflow.md). */
@Command(scope = "waybill", name = "sync", description = "Queues shipped packages for synchronisation to their store")
@Service
public class SyncCommand implements Action {

    @Reference
    SyncService sync;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--all-shipped", description = "All shipped packages not synchronised yet")
    boolean allShipped;

    @Option(name = "--failed", description = "Resend all packages whose sync failed")
    boolean failed;

    @Argument(name = "packages", description = "Package numbers", multiValued = true)
    List<String> numbers;

    @Override
    public Object execute() {
        List<Long> ids = PackageArgs.resolve(packages, numbers, allShipped ? PackageStatus.SHIPPED : null, System.out);
        if (failed) {
            ids.addAll(PackageArgs.resolve(packages, null, PackageStatus.SYNC_FAILED, System.out));
        }
        if (ids.isEmpty()) {
            System.out.println("No packages selected.");
            return null;
        }
        PackageArgs.print("Start synchronisation", sync.startSync(ids, ShellUser.name(session)), System.out);
        return null;
    }
}
