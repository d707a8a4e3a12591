package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.api.RuleService;
import io.waybill.core.model.PackageStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.ArrayList;
import java.util.List;

/** {@code waybill:rule-apply}: "Re-apply rules" to packages not allocated yet; each decision goes to the history. */
@Command(scope = "waybill", name = "rule-apply", description = "Applies the logistics rules now to packages not "
        + "allocated yet (waiting, out of stock, held) and writes each decision with its rule to the package history")
@Service
public class RuleApplyCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--all-waiting", description = "All packages waiting for delivery")
    boolean allWaiting;

    @Argument(index = 0, name = "packages", multiValued = true, description = "Package or tracking numbers")
    List<String> numbers;

    @Override
    public Object execute() {
        List<Long> ids = new ArrayList<>(PackageArgs.resolve(packages, numbers, null, System.out));
        if (allWaiting) {
            ids.addAll(PackageArgs.resolve(packages, null, PackageStatus.WAITING, System.out));
        }
        if (ids.isEmpty()) {
            System.out.println("No packages selected. Give package numbers or --all-waiting.");
            return null;
        }
        PackageArgs.print("Apply rules", rules.apply(ids, ShellUser.name(session)), System.out);
        return null;
    }
}
