package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.api.RuleService;
import io.waybill.core.model.PackageHold;
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
import java.util.Map;

/** {@code waybill:release}: releases packages held for review (To review) back to waiting. */
@Command(scope = "waybill", name = "release", description = "Releases packages held for review by a logistics rule "
        + "back to waiting; --list shows the held packages with their reasons")
@Service
public class ReleaseCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--all-held", description = "All packages held for review")
    boolean allHeld;

    @Option(name = "--list", description = "List the held packages with their reasons; release nothing")
    boolean list;

    @Argument(index = 0, name = "packages", multiValued = true, description = "Package or tracking numbers")
    List<String> numbers;

    @Override
    public Object execute() {
        if (list) {
            List<Long> held = PackageArgs.resolve(packages, null, PackageStatus.HELD, System.out);
            Map<Long, PackageHold> holds = rules.holds(held);
            if (holds.isEmpty()) {
                System.out.println("No package is held for review.");
            }
            for (PackageHold h : holds.values()) {
                System.out.println(packages.detail(h.packageId(), ShellUser.name(session))
                        .map(d -> d.row().packageNo()).orElse(String.valueOf(h.packageId())) + "  " + h.reason()
                        + "  (rule \"" + h.ruleName() + "\")");
            }
            return null;
        }
        List<Long> ids = new ArrayList<>(PackageArgs.resolve(packages, numbers, null, System.out));
        if (allHeld) {
            ids.addAll(PackageArgs.resolve(packages, null, PackageStatus.HELD, System.out));
        }
        if (ids.isEmpty()) {
            System.out.println("No packages selected. Give package numbers or --all-held.");
            return null;
        }
        PackageArgs.print("Release", rules.release(ids, ShellUser.name(session)), System.out);
        return null;
    }
}
