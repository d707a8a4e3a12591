package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code waybill:package-list}: lists packages by status, store and country. */
@Command(scope = "waybill", name = "package-list", description = "Lists packages (default: all statuses)")
@Service
public class PackageListCommand implements Action {

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--status", aliases = "-s", description = "Status: waiting, allocated, out_of_stock, "
            + "sku_unmatched, awaiting_tracking, tracked, printed, shipped, synced, voided, ...")
    @Completion(StatusCompleter.class)
    String status;

    @Option(name = "--store", description = "Store code")
    String store;

    @Option(name = "--country", description = "Destination country (ISO alpha-2)")
    String country;

    /** Most rows one page shows (the service's page size). */
    static final int MAX_PAGE = 1000;

    @Option(name = "--limit", aliases = "-n", description = "Packages per page (at most " + MAX_PAGE + ")")
    int limit = 100;

    @Option(name = "--page", aliases = "-p", description = "Page to show: 1 is the oldest --limit packages, 2 the "
            + "next ...")
    int page = 1;

    @Override
    public Object execute() {
        PackageQuery query = PackageQuery.all();
        if (status != null) {
            PackageStatus parsed = parseStatus(status);
            query = PackageQuery.status(parsed);
        }
        if (store != null) {
            query = query.withStores(Set.of(store));
        }
        if (country != null) {
            query = query.withCountries(Set.of(country.toUpperCase(Locale.ROOT)));
        }
        // a user limited to some warehouses/stores sees only those packages (the service applies the scope)
        query = query.forViewer(ShellUser.name(session));
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        if (page < 1) {
            throw new IllegalArgumentException("--page must be at least 1 (the first page)");
        }
        int pageSize = Math.min(limit, MAX_PAGE);
        long offset = (long) (page - 1) * pageSize;
        if (offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--page " + page + " is too far");
        }
        // oldest first; the service breaks ties by id, so pages neither overlap nor skip rows
        List<PackageRow> rows = packages.find(query, (int) offset, pageSize,
                List.of(new PackageSort(PackageSort.Field.CREATED, true)));
        ShellTable table = new ShellTable();
        table.column("Package no.");
        table.column("Order no.");
        table.column("Store");
        table.column("Buyer");
        table.column("Country");
        table.column("SKUs");
        table.column("Weight").alignRight();
        table.column("Status");
        table.column("Tracking no.");
        for (PackageRow r : rows) {
            table.addRow().addContent(r.packageNo(), r.orderNo(), r.storeCode(), r.buyerName(), r.countryCode(),
                    r.skuSummary(), Formats.weight(r.expectedWeightGrams()), r.status().name().toLowerCase(Locale.ROOT),
                    r.trackingNo() == null ? "" : r.trackingNo());
        }
        table.print(System.out);
        footer(page, pageSize, limit > MAX_PAGE, rows.size(), packages.count(query)).forEach(System.out::println);
        return null;
    }

    /**
     * The lines under the table: "{@code n of total packages}" and, when there is more than one page, which rows
     * these are and how to get the next page ({@code showing 1-1,000 of 12,345; next: --page 2}).
     */
    static List<String> footer(int page, int pageSize, boolean capped, int shown, long total) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(shown + " of " + total + " packages");
        long from = (long) (page - 1) * pageSize;
        String cap = capped ? " (at most " + MAX_PAGE + " per page)" : "";
        if (shown == 0 && total > 0 && from >= total) {
            long pages = (total + pageSize - 1) / pageSize;
            lines.add(String.format(Locale.ROOT, "page %d is past the end: %,d packages make %,d page%s of %,d%s",
                    page, total, pages, pages == 1 ? "" : "s", pageSize, cap));
        } else if (page > 1 || from + shown < total) {
            boolean more = from + shown < total;
            lines.add(String.format(Locale.ROOT, "showing %,d-%,d of %,d%s%s", from + 1, from + shown, total,
                    more ? "; next: --page " + (page + 1) : "; last page", cap));
        }
        return lines;
    }

    static PackageStatus parseStatus(String text) {
        String normalized = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return PackageStatus.valueOf(normalized);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown status '" + text + "'. Valid: "
                    + Arrays.stream(PackageStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    /** Completes status names. */
    @Service
    public static class StatusCompleter implements Completer {
        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            StringsCompleter delegate = new StringsCompleter();
            for (PackageStatus s : PackageStatus.values()) {
                delegate.getStrings().add(s.name().toLowerCase(Locale.ROOT));
            }
            return delegate.complete(session, commandLine, candidates);
        }
    }
}
