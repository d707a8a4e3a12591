package io.waybill.core.internal.customs;

import io.waybill.core.model.PackageDeclaration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an edit of a package's customs declaration changes, as the params of {@code Reason.CUSTOMS_CHANGED}: one group
 * of four per changed field, [subject, field, before, after] (pure: no database). The subject is the package no. for
 * the category and the line's SKU for a line's fields; lines are matched by SKU, so a line that only the new
 * declaration has is listed with its quantity from 0 and each field it fills, and a line it drops with its quantity
 * to 0. A missing value is {@value #NONE}. No change, no groups.
 */
final class DeclarationChanges {

    /** A missing value in the history. */
    static final String NONE = "–";

    private DeclarationChanges() {
    }

    static List<String> between(String packageNo, PackageDeclaration before, PackageDeclaration after) {
        List<String> out = new ArrayList<>();
        if (before.category() != after.category()) {
            add(out, packageNo, "category", name(before.category()), name(after.category()));
        }
        Map<String, PackageDeclaration.Line> was = bySku(before.lines());
        Map<String, PackageDeclaration.Line> now = bySku(after.lines());
        for (Map.Entry<String, PackageDeclaration.Line> e : now.entrySet()) {
            PackageDeclaration.Line a = was.get(e.getKey());
            PackageDeclaration.Line b = e.getValue();
            String sku = e.getKey();
            add(out, sku, "description_en", a == null ? null : a.descriptionEn(), b.descriptionEn());
            add(out, sku, "description_zh", a == null ? null : a.descriptionZh(), b.descriptionZh());
            add(out, sku, "hs_code", a == null ? null : a.hsCode(), b.hsCode());
            add(out, sku, "quantity", a == null ? "0" : String.valueOf(a.quantity()), String.valueOf(b.quantity()));
            add(out, sku, "unit_value", a == null ? null : plain(a.unitValue()), plain(b.unitValue()));
            add(out, sku, "currency", a == null ? null : a.currency(), b.currency());
            add(out, sku, "origin", a == null ? null : a.originCountry(), b.originCountry());
            add(out, sku, "net_weight", a == null ? null : String.valueOf(a.netWeightGrams()),
                    String.valueOf(b.netWeightGrams()));
        }
        for (Map.Entry<String, PackageDeclaration.Line> e : was.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                add(out, e.getKey(), "quantity", String.valueOf(e.getValue().quantity()), "0");
            }
        }
        return out;
    }

    private static Map<String, PackageDeclaration.Line> bySku(List<PackageDeclaration.Line> lines) {
        Map<String, PackageDeclaration.Line> out = new LinkedHashMap<>();
        int n = 0;
        for (PackageDeclaration.Line l : lines) {
            n++;
            String sku = l.sku() == null || l.sku().isBlank() ? "#" + n : l.sku().strip();
            out.putIfAbsent(sku, l);
        }
        return out;
    }

    private static void add(List<String> out, String subject, String field, String before, String after) {
        if (!Objects.equals(blankToNull(before), blankToNull(after))) {
            out.add(subject);
            out.add(field);
            out.add(before == null || before.isBlank() ? NONE : before);
            out.add(after == null || after.isBlank() ? NONE : after);
        }
    }

    /** A value as compared and shown: without trailing zeros (12.5000 is 12.5), null stays null. */
    private static String plain(BigDecimal v) {
        return v == null ? null : v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
