package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resolves package numbers typed in the shell and prints batch results. */
final class PackageArgs {
    private PackageArgs() {
    }

    /** Package ids for the given numbers, or all packages in a status; unknown numbers are reported and skipped. */
    static List<Long> resolve(PackageService packages, List<String> numbers, PackageStatus allIn, PrintStream out) {
        List<Long> ids = new ArrayList<>();
        if (allIn != null) {
            int offset = 0;
            while (true) {
                List<PackageRow> page = packages.find(PackageQuery.status(allIn), offset, 1000, List.of());
                page.forEach(r -> ids.add(r.id()));
                if (page.size() < 1000) {
                    break;
                }
                offset += 1000;
            }
        }
        if (numbers != null && !numbers.isEmpty()) {
            Map<String, Long> found = packages.idsByNumber(numbers);
            for (String n : numbers) {
                Long id = found.get(n.strip());
                if (id == null) {
                    out.println("Unknown package: " + n);
                } else if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    static void print(String action, BatchResult result, PrintStream out) {
        out.println(action + ": " + result.succeeded().size() + " done, " + result.failures().size() + " failed"
                + " (of " + result.requested() + ")");
        for (BatchResult.Failure f : result.failures()) {
            out.println("  " + f.packageNo() + "  [" + f.code() + "]  " + f.message());
        }
    }
}
