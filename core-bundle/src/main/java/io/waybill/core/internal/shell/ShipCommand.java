package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.api.ShippingService;
import io.waybill.core.model.ScanResult;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;

/** {@code waybill:ship}: execute delivery, one package with its weight, or a batch without weighing. */
@Command(scope = "waybill", name = "ship", description = "Executes delivery: with --weight checks the weight and "
        + "ships when it passes; with --batch ships the printed packages without weighing")
@Service
public class ShipCommand implements Action {

    @Reference
    ShippingService shipping;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--weight", aliases = "-w", description = "Measured weight in grams")
    Integer grams;

    @Option(name = "--batch", description = "Batch delivery of the given packages, no weighing")
    boolean batch;

    @Argument(name = "packages", description = "Package or tracking numbers", required = true, multiValued = true)
    List<String> numbers;

    @Override
    public Object execute() {
        String actor = ShellUser.name(session);
        if (batch) {
            List<Long> ids = PackageArgs.resolve(packages, numbers, null, System.out);
            if (!ids.isEmpty()) {
                PackageArgs.print("Execute delivery", shipping.shipBatch(ids, actor), System.out);
            }
            return null;
        }
        for (String n : numbers) {
            ScanResult r = shipping.ship(n, grams, actor);
            System.out.println(n + ": " + r.outcome() + (r.shipped() ? " SHIPPED" : " not shipped") + " - "
                    + r.message());
        }
        return null;
    }
}
