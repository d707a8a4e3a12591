package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.api.PackageSplitService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code waybill:package-split}: splits a package by lines or by warehouse (issue 14, 审单). */
@Command(scope = "waybill", name = "package-split", description = "Splits a package that is not uploaded yet: the "
        + "units given (SKU=qty,...) move to a new package of the same order, or with --by-warehouse one package per "
        + "warehouse when no single warehouse has everything; undo with waybill:package-split-undo")
@Service
public class PackageSplitCommand implements Action {

    @Reference
    PackageSplitService splits;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--by-warehouse", description = "One package per warehouse that holds its lines (as allocation "
            + "chooses warehouses)")
    boolean byWarehouse;

    @Argument(index = 0, name = "package", required = true, description = "The package's number")
    String number;

    @Argument(index = 1, name = "lines", multiValued = true, description = "SKU=qty,... : the units that move to the "
            + "new package")
    List<String> lines;

    @Override
    public Object execute() {
        Optional<Long> id = packages.idsByNumber(List.of(number.strip())).values().stream().findFirst();
        if (id.isEmpty()) {
            System.out.println("Unknown package: " + number);
            return null;
        }
        String user = ShellUser.name(session);
        if (byWarehouse) {
            if (lines != null && !lines.isEmpty()) {
                System.out.println("Give either SKU=qty,... or --by-warehouse. Nothing split.");
                return null;
            }
            List<Long> ids = splits.splitByWarehouse(id.get(), user);
            System.out.println("Split " + number.strip() + " by warehouse into " + String.join(", ", numbers(ids, user))
                    + ". Undo with waybill:package-split-undo " + number.strip() + " until one is uploaded.");
            return null;
        }
        Map<String, Integer> units;
        try {
            units = parse(lines);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage() + " Nothing split.");
            return null;
        }
        long part = splits.splitByLines(id.get(), units, user);
        String no = numbers(List.of(part), user).get(0);
        System.out.println("Split " + number.strip() + ": " + describe(units) + " ship in " + no + " now. Undo with "
                + "waybill:package-split-undo " + no + " until one is uploaded.");
        return null;
    }

    /** {@code A=1,B=2} (also as several arguments) to SKU and units; a repeated SKU adds up. */
    static Map<String, Integer> parse(List<String> args) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (args == null || args.isEmpty()) {
            throw new IllegalArgumentException("Give the units to move as SKU=qty,... or --by-warehouse.");
        }
        for (String arg : args) {
            for (String part : arg.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.lastIndexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    throw new IllegalArgumentException("Not SKU=qty: '" + part.strip() + "'.");
                }
                String sku = part.substring(0, eq).strip();
                int qty;
                try {
                    qty = Integer.parseInt(part.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not a whole number of units: '" + part.strip() + "'.");
                }
                if (qty <= 0) {
                    throw new IllegalArgumentException("Units must be above 0: '" + part.strip() + "'.");
                }
                out.merge(sku, qty, Integer::sum);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Give the units to move as SKU=qty,... or --by-warehouse.");
        }
        return out;
    }

    private static String describe(Map<String, Integer> units) {
        return String.join(", ", units.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).toList());
    }

    private List<String> numbers(List<Long> ids, String user) {
        return PackageArgs.numbers(packages, ids, user);
    }
}
