package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageMergeService;
import io.waybill.core.api.PackageService;
import io.waybill.core.model.MergeSuggestion;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;

/** {@code waybill:package-merge}: merges packages of one buyer into one parcel (issue 14, 审单). */
@Command(scope = "waybill", name = "package-merge", description = "Merges packages of one store, buyer and ship-to "
        + "address (not uploaded yet) into the lowest-numbered one, which ships for all; --suggestions lists "
        + "packages that can ship together")
@Service
public class PackageMergeCommand implements Action {

    @Reference
    PackageMergeService merges;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--suggestions", description = "List packages that can ship together; merge nothing")
    boolean suggestions;

    @Argument(index = 0, name = "packages", multiValued = true, description = "Package numbers (two or more)")
    List<String> numbers;

    @Override
    public Object execute() {
        if (suggestions) {
            List<MergeSuggestion> found = merges.suggestions(ShellUser.name(session));
            if (found.isEmpty()) {
                System.out.println("No packages can ship together.");
            }
            for (MergeSuggestion s : found) {
                System.out.println(String.join(" ", s.packageNos()) + "  " + s.storeCode() + "  " + s.buyerName()
                        + " (" + s.countryCode() + ")  " + s.status().name().toLowerCase(java.util.Locale.ROOT));
            }
            return null;
        }
        if (numbers == null || numbers.isEmpty()) {
            System.out.println("Give two or more package numbers, or --suggestions.");
            return null;
        }
        List<Long> ids = PackageArgs.resolve(packages, numbers, null, System.out);
        if (ids.size() != numbers.stream().map(String::strip).distinct().count()) {
            System.out.println("Nothing merged.");
            return null;
        }
        long merged = merges.merge(ids, ShellUser.name(session));
        String no = packages.detail(merged, ShellUser.name(session)).map(d -> d.row().packageNo())
                .orElse(String.valueOf(merged));
        System.out.println("Merged into " + no + ": it ships for " + ids.size() + " packages' orders. Undo with "
                + "waybill:package-merge-undo " + no + " until it is uploaded.");
        return null;
    }
}
