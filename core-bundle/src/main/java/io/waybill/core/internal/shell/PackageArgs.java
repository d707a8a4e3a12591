package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The id of one package typed by its number, or empty after printing "Unknown package". */
    static Optional<Long> one(PackageService packages, String number, PrintStream out) {
        Map<String, Long> ids = packages.idsByNumber(List.of(number));
        if (ids.isEmpty()) {
            out.println("Unknown package: " + number);
            return Optional.empty();
        }
        return Optional.of(ids.values().iterator().next());
    }

    /**
     * One package's detail as the user may see it, or empty after printing "Unknown package": outside the user's
     * warehouse/store scope a package is as unknown as a wrong number.
     */
    static Optional<PackageDetail> detail(PackageService packages, String number, String user, PrintStream out) {
        Map<String, Long> ids = packages.idsByNumber(List.of(number));
        Optional<PackageDetail> found = ids.isEmpty() ? Optional.empty()
                : packages.detail(ids.values().iterator().next(), user);
        if (found.isEmpty()) {
            out.println("Unknown package: " + number);
        }
        return found;
    }

    /** The numbers of these packages as the user sees them (the id of one the user cannot see). */
    static List<String> numbers(PackageService packages, List<Long> ids, String user) {
        return ids.stream().map(i -> packages.detail(i, user).map(d -> d.row().packageNo()).orElse(String.valueOf(i)))
                .toList();
    }

    /** An undo of the package with this id, as the shell user; the core checks the permission matrix and refuses. */
    @FunctionalInterface
    interface Undo<T> {
        T run(long packageId);
    }

    /**
     * The one shape of the undo commands ({@code package-merge-undo}, {@code package-split-undo}): the package typed
     * by its number (else "Unknown package" and nothing done), the undo, and the sentence of its result. A refusal
     * of the core (its permission matrix, upload, ...) is thrown on, to be printed with its reason by the shell.
     */
    static <T> void undo(PackageService packages, String number, PrintStream out, Undo<T> undo,
                         java.util.function.Function<T, String> done) {
        Optional<Long> id = one(packages, number.strip(), out);
        if (id.isPresent()) {
            out.println(done.apply(undo.run(id.get())));
        }
    }

    static void print(String action, BatchResult result, PrintStream out) {
        out.println(action + ": " + result.succeeded().size() + " done, " + result.failures().size() + " failed"
                + " (of " + result.requested() + ")");
        for (BatchResult.Failure f : result.failures()) {
            out.println("  " + f.packageNo() + "  [" + f.code() + "]  " + f.message());
        }
    }
}
