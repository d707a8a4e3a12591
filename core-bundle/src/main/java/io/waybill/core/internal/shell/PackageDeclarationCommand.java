package io.waybill.core.internal.shell;

import io.waybill.core.api.CustomsService;
import io.waybill.core.api.PackageService;
import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.Reason;
import io.waybill.spi.carrier.CustomsDeclaration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code waybill:package-declaration}: shows a package's customs declaration with what would refuse its upload, or
 * changes the category and given fields of its lines ({@code --hs MUG-1=691200}; the others keep their values), or
 * lets it follow the catalogue again ({@code --reset}), until the package is uploaded to a carrier; through
 * {@code CustomsService}, so the checks, the status rule and the history are the UI's.
 */
@Command(scope = "waybill", name = "package-declaration", description = "Shows or edits a package's customs "
        + "declaration until upload (options after the package: --category C, per line --en/--zh/--hs/--qty/--value/"
        + "--currency/--origin/--net SKU=VALUE, or --reset)")
@Service
public class PackageDeclarationCommand implements Action {

    /** Option spelling to the field it sets (per line, SKU=VALUE; the category alone). */
    static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        for (String o : List.of("category", "en", "zh", "hs", "qty", "value", "currency", "origin", "net")) {
            OPTIONS.put("--" + o, o);
        }
    }

    static final String USAGE = "waybill:package-declaration WB00000056 [--category gift|merchandise|sample|"
            + "documents|returned_goods] [--en SKU=TEXT] [--zh SKU=TEXT] [--hs SKU=CODE] [--qty SKU=N] "
            + "[--value SKU=4.50] [--currency SKU=USD] [--origin SKU=CN] [--net SKU=GRAMS] | --reset";

    @Reference
    PackageService packages;

    @Reference
    CustomsService customs;

    @Reference
    Session session;

    @Argument(index = 0, name = "package", required = true, description = "Package number or tracking number")
    String number;

    @Argument(index = 1, name = "options", multiValued = true, description = "--category gift --hs MUG-1=691200 "
            + "... or --reset")
    List<String> words;

    @Override
    public Object execute() {
        List<String> rest = words == null ? new ArrayList<>() : new ArrayList<>(words);
        boolean reset = rest.remove("--reset");
        Map<String, List<String>> given;
        try {
            given = TrailingOptions.parse(rest, OPTIONS, USAGE);
        } catch (IllegalArgumentException e) {
            throw TrailingOptions.refusal(e);
        }
        if (reset && !given.isEmpty()) {
            throw TrailingOptions.invalid(Reason.of(Reason.OPTIONS_RESET_ALONE));
        }
        String user = ShellUser.name(session);
        PackageDetail d = PackageArgs.detail(packages, number, user, System.out).orElse(null);
        if (d == null) {
            return null;
        }
        long id = d.row().id();
        PackageDeclaration current = customs.declaration(id, user).orElseThrow();
        if (reset) {
            PackageDeclaration after = customs.reset(id, user);
            System.out.println("The customs declaration of " + d.row().packageNo() + " follows the catalogue again.");
            lines(after, customs.problems(id, user)).forEach(System.out::println);
            return null;
        }
        if (given.isEmpty()) {
            lines(current, customs.problems(id, user)).forEach(System.out::println);
            return null;
        }
        PackageDeclaration edited = apply(current, given);
        PackageDeclaration after = customs.save(id, edited, user);
        System.out.println("Customs declaration of " + d.row().packageNo() + " saved.");
        lines(after, customs.problems(id, user)).forEach(System.out::println);
        return null;
    }

    /**
     * The declaration with the given changes. Refused with {@code invalid_options} for an unknown category, a SKU the
     * declaration has no line of, a value without {@code SKU=}, a quantity or weight that is not a whole number, a
     * unit value that is not a number.
     */
    static PackageDeclaration apply(PackageDeclaration d, Map<String, List<String>> given) {
        List<Reason> wrong = new ArrayList<>();
        CustomsDeclaration.Category category = d.category();
        List<String> cat = given.getOrDefault("category", List.of());
        if (cat.size() > 1) {
            wrong.add(Reason.of(Reason.OPTIONS_TWICE, "--category"));
        } else if (cat.size() == 1) {
            try {
                category = CustomsDeclaration.Category.valueOf(cat.get(0).strip().toUpperCase(Locale.ROOT)
                        .replace('-', '_').replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                wrong.add(Reason.of(Reason.OPTIONS_CATEGORY, cat.get(0), "gift, merchandise, sample, "
                        + "documents, returned_goods"));
            }
        }
        List<PackageDeclaration.Line> lines = new ArrayList<>(d.lines());
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            if (e.getKey().equals("category")) {
                continue;
            }
            for (String v : e.getValue()) {
                int eq = v.indexOf('=');
                if (eq <= 0) {
                    wrong.add(Reason.of(Reason.OPTIONS_NEEDS_SKU, "--" + e.getKey(), v));
                    continue;
                }
                String sku = v.substring(0, eq).strip();
                String value = v.substring(eq + 1).strip();
                int at = -1;
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).sku() != null && lines.get(i).sku().equalsIgnoreCase(sku)) {
                        at = i;
                        break;
                    }
                }
                if (at < 0) {
                    wrong.add(Reason.of(Reason.OPTIONS_NO_LINE, sku));
                    continue;
                }
                PackageDeclaration.Line l = lines.get(at);
                try {
                    lines.set(at, with(l, e.getKey(), value));
                } catch (NumberFormatException nf) {
                    wrong.add(Reason.of(Reason.OPTIONS_NOT_NUMBER, "--" + e.getKey(), sku + "=" + value));
                }
            }
        }
        if (!wrong.isEmpty()) {
            List<Reason> all = new ArrayList<>();
            all.add(Reason.of(Reason.OPTIONS_NOTHING_SAVED));
            all.addAll(wrong);
            all.add(Reason.of(Reason.OPTIONS_USAGE, USAGE));
            throw TrailingOptions.invalid(all.toArray(Reason[]::new));
        }
        return new PackageDeclaration(category, null, lines, true);
    }

    private static PackageDeclaration.Line with(PackageDeclaration.Line l, String field, String v) {
        String value = v.isEmpty() ? null : v;
        return switch (field) {
            case "en" -> new PackageDeclaration.Line(l.sku(), value, l.descriptionZh(), l.hsCode(), l.quantity(),
                    l.unitValue(), l.currency(), l.originCountry(), l.netWeightGrams());
            case "zh" -> new PackageDeclaration.Line(l.sku(), l.descriptionEn(), value, l.hsCode(), l.quantity(),
                    l.unitValue(), l.currency(), l.originCountry(), l.netWeightGrams());
            case "hs" -> new PackageDeclaration.Line(l.sku(), l.descriptionEn(), l.descriptionZh(), value,
                    l.quantity(), l.unitValue(), l.currency(), l.originCountry(), l.netWeightGrams());
            case "qty" -> new PackageDeclaration.Line(l.sku(), l.descriptionEn(), l.descriptionZh(), l.hsCode(),
                    Integer.parseInt(v), l.unitValue(), l.currency(), l.originCountry(), l.netWeightGrams());
            case "value" -> new PackageDeclaration.Line(l.sku(), l.descriptionEn(), l.descriptionZh(), l.hsCode(),
                    l.quantity(), value == null ? null : new BigDecimal(value.replace(',', '.')), l.currency(),
                    l.originCountry(), l.netWeightGrams());
            case "currency" -> new PackageDeclaration.Line(l.sku(), l.descriptionEn(), l.descriptionZh(),
                    l.hsCode(), l.quantity(), l.unitValue(), value, l.originCountry(), l.netWeightGrams());
            case "origin" -> new PackageDeclaration.Line(l.sku(), l.descriptionEn(), l.descriptionZh(), l.hsCode(),
                    l.quantity(), l.unitValue(), l.currency(), value, l.netWeightGrams());
            case "net" -> new PackageDeclaration.Line(l.sku(), l.descriptionEn(), l.descriptionZh(), l.hsCode(),
                    l.quantity(), l.unitValue(), l.currency(), l.originCountry(), Integer.parseInt(v));
            default -> l;
        };
    }

    /** The declaration as printed: category, source, tax ids, one line per SKU, total, then the problems. */
    static List<String> lines(PackageDeclaration d, List<Reason> problems) {
        List<String> out = new ArrayList<>();
        out.add("Category  " + d.category().name().toLowerCase(Locale.ROOT) + (d.edited() ? "  (edited)"
                : "  (from the catalogue)"));
        CustomsDeclaration.TaxIds t = d.taxIds();
        out.add("Tax ids   IOSS " + dash(t.ioss()) + "  VOEC " + dash(t.voec()) + "  EORI " + dash(t.eori())
                + "  VAT " + dash(t.vat()));
        for (PackageDeclaration.Line l : d.lines()) {
            out.add(String.format("  %-16s x%-3d hs %-10s %s %s  origin %s  net %d g  %s / %s", l.sku(),
                    l.quantity(), dash(l.hsCode()), l.unitValue() == null ? "-" : l.unitValue().toPlainString(),
                    dash(l.currency()), dash(l.originCountry()), l.netWeightGrams(), dash(l.descriptionEn()),
                    dash(l.descriptionZh())));
        }
        out.add("Total     " + d.total().toPlainString() + " " + (d.currency() == null ? "" : d.currency()));
        if (problems.isEmpty()) {
            out.add("Ready for customs: nothing refuses the upload.");
        } else {
            out.add("The upload will be refused until these are fixed:");
            problems.forEach(p -> out.add("  " + p.english()));
        }
        return out;
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
