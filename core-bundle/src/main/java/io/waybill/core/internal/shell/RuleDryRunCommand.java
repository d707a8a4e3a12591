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

/** {@code waybill:rule-dry-run}: what the rules would decide for packages, changing nothing. */
@Command(scope = "waybill", name = "rule-dry-run", description = "Shows what the logistics rules would decide for "
        + "each package and from which rule, changing nothing. -v also lists every skipped rule with its reason.")
@Service
public class RuleDryRunCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--all-waiting", description = "All packages waiting for delivery")
    boolean allWaiting;

    @Option(name = "-v", aliases = "--verbose", description = "Also list the skipped rules with their reasons")
    boolean verbose;

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
        List<io.waybill.core.model.RuleDryRun> runs = rules.dryRun(ids, ShellUser.name(session));
        RuleCommands.printDryRun(runs, verbose, System.out);
        // packages the rules do not look at (allocated or later, or outside the user's scope) are named, not dropped
        java.util.Set<String> evaluated = new java.util.HashSet<>();
        runs.forEach(r -> evaluated.add(r.packageNo()));
        for (long id : new java.util.LinkedHashSet<>(ids)) {
            packages.detail(id, ShellUser.name(session)).map(d -> d.row()).filter(r -> !evaluated.contains(r.packageNo()))
                    .ifPresent(r -> System.out.println(r.packageNo() + ": not evaluated - it is " + r.status().name()
                            .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "; rules apply only to packages "
                            + "not allocated yet (waiting, out of stock, held)."));
        }
        return null;
    }
}
