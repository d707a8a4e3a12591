package io.waybill.core.internal.shell;

import io.waybill.core.api.CarrierUploadService;
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

/** {@code waybill:upload}: Batch upload to the store's carrier (workflow step 2, docs/workflow.md). */
@Command(scope = "waybill", name = "upload", description = "Queues allocated packages for upload to their carrier")
@Service
public class UploadCommand implements Action {

    @Reference
    CarrierUploadService carriers;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--all-allocated", description = "All allocated packages")
    boolean allAllocated;

    @Argument(name = "packages", description = "Package numbers", multiValued = true)
    List<String> numbers;

    @Override
    public Object execute() {
        List<Long> ids = PackageArgs.resolve(packages, numbers, allAllocated ? PackageStatus.ALLOCATED : null,
                System.out);
        if (ids.isEmpty()) {
            System.out.println("No packages selected.");
            return null;
        }
        PackageArgs.print("Batch upload (queued)", carriers.upload(ids, ShellUser.name(session)), System.out);
        return null;
    }
}
