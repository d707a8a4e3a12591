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

    @Option(name = "--status", aliases = "-s", description = "Status: waiting, allocated, out_of_stock, "
            + "awaiting_tracking, tracked, printed, shipped, synced, voided, ...")
    @Completion(StatusCompleter.class)
    String status;

    @Option(name = "--store", description = "Store code")
    String store;

    @Option(name = "--country", description = "Destination country (ISO alpha-2)")
    String country;

    @Option(name = "--limit", aliases = "-n", description = "Maximum number of packages to show")
    int limit = 100;

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
        List<PackageRow> rows = packages.find(query, 0, limit,
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
        System.out.println(rows.size() + " of " + packages.count(query) + " packages");
        return null;
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
