package io.waybill.core.internal.shell;

import io.waybill.core.api.CarrierUploadService;
import io.waybill.core.api.PackageService;
import io.waybill.core.model.PackageStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;

/** {@code waybill:refresh-tracking}: "Update logistics provider information". */
@Command(scope = "waybill", name = "refresh-tracking", description = "Asks carriers now for tracking numbers still "
        + "pending (all awaiting-tracking packages when none are given)")
@Service
public class RefreshTrackingCommand implements Action {

    @Reference
    CarrierUploadService carriers;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Argument(name = "packages", description = "Package numbers", multiValued = true)
    List<String> numbers;

    @Override
    public Object execute() {
        List<Long> ids = PackageArgs.resolve(packages, numbers,
                numbers == null || numbers.isEmpty() ? PackageStatus.AWAITING_TRACKING : null, System.out);
        if (ids.isEmpty()) {
            System.out.println("No packages are waiting for a tracking number.");
            return null;
        }
        PackageArgs.print("Update logistics provider information", carriers.refreshTracking(ids,
                ShellUser.name(session)), System.out);
        return null;
    }
}
