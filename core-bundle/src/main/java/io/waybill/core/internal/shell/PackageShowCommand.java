package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageNotesService;
import io.waybill.core.api.PackageService;
import io.waybill.core.model.AuditEntry;
import io.waybill.core.model.OrderValue;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageNote;
import io.waybill.core.model.Reason;
import io.waybill.core.model.Shortage;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;
import java.util.Locale;

/** {@code waybill:package-show}: one package with its address, lines, shortages and audit trail. */
@Command(scope = "waybill", name = "package-show", description = "Shows a package and its history")
@Service
public class PackageShowCommand implements Action {

    @Reference
    PackageService packages;

    @Reference
    PackageNotesService notes;

    @Reference
    Session session;

    @Argument(name = "package", required = true, description = "Package number or tracking number")
    String number;

    @Override
    public Object execute() {
        java.util.Optional<PackageDetail> found = PackageArgs.detail(packages, number, ShellUser.name(session),
                System.out);
        if (found.isEmpty()) {
            return null;
        }
        for (String line : lines(found.get())) {
            System.out.println(line);
        }
        String user = ShellUser.name(session);
        long id = found.get().row().id();
        for (String line : notesAndTags(notes.notes(id, user), notes.tags(id, user))) {
            System.out.println(line);
        }
        return null;
    }

    /** What package-show prints after the history: the tags, then the notes newest first with author and time. */
    static List<String> notesAndTags(List<PackageNote> notes, List<String> tags) {
        List<String> out = new java.util.ArrayList<>();
        out.add("Tags      " + (tags.isEmpty() ? "-" : String.join(" ", tags)));
        out.add("Notes" + (notes.isEmpty() ? "     -" : ""));
        for (PackageNote n : notes) {
            String[] textLines = n.text().split("\n", -1);
            out.add("  " + Formats.time(n.at()) + "  " + n.author() + "  " + textLines[0]);
            for (int i = 1; i < textLines.length; i++) {
                out.add("      " + textLines[i]);
            }
        }
        return out;
    }

    /** What package-show prints for a package. */
    static List<String> lines(PackageDetail d) {
        List<String> out = new java.util.ArrayList<>();
        var r = d.row();
        out.add("Package   " + r.packageNo() + "   status " + r.status().name().toLowerCase(Locale.ROOT)
                + (d.orderCancelled() ? "   ** cancelled on the marketplace **" : ""));
        out.add("Order     " + r.orderNo() + " (" + r.storeCode() + ", " + d.platformOrderId() + ")");
        var a = d.shipTo();
        out.add("Ship to   " + a.name() + ", " + a.line1() + (a.line2() == null ? "" : ", " + a.line2())
                + ", " + a.city() + (a.state() == null ? "" : ", " + a.state()) + " "
                + (a.postalCode() == null ? "" : a.postalCode()) + ", " + a.countryCode());
        out.add("Weight    " + Formats.weight(r.expectedWeightGrams()) + "   warehouse "
                + (d.warehouseCode() == null ? "-" : d.warehouseCode()));
        out.add("Carrier   " + (d.carrierId() == null ? "-" : d.carrierId()) + "   tracking "
                + (r.trackingNo() == null ? "-" : r.trackingNo()) + "   carrier label "
                + (d.carrierLabel() == null ? "none" : d.carrierLabel().name() + " stored"));
        for (PackageDetail.Line l : d.lines()) {
            out.add("  " + l.skuCode() + " x" + l.quantity() + "  " + (l.matched() ? l.skuName()
                    : "** SKU not matched: map it with waybill:sku-alias **") + (l.unitPrice() == null ? ""
                    : "   " + Formats.money(l.unitPrice(), l.currency()) + " x " + l.quantity() + " = "
                    + Formats.money(l.unitPrice().multiply(java.math.BigDecimal.valueOf(l.quantity())),
                    l.currency())) + (l.bundle() ? "  (bundle, picked as:)" : ""));
            for (PackageDetail.Line c : l.components()) {
                out.add("      " + c.skuCode() + " x" + c.quantity() + "  " + c.skuName());
            }
        }
        OrderValue v = d.value();
        out.add("Value     total " + Formats.money(v.total(), v.currency()) + "   shipping paid "
                + Formats.money(v.shippingPaid(), v.currency()) + "   currency "
                + (v.currency() == null ? "-" : v.currency()));
        out.add("Buyer     phone " + (v.buyerPhone() == null ? "-" : v.buyerPhone()) + "   e-mail "
                + (v.buyerEmail() == null ? "-" : v.buyerEmail()) + "   ship by "
                + (v.shipBy() == null ? "-" : Formats.time(v.shipBy())));
        for (Shortage s : d.shortages()) {
            out.add("  SHORT " + s.skuCode() + ": needs " + s.required() + ", available " + s.available());
        }
        out.add("History");
        for (AuditEntry e : d.history()) {
            String head = "  " + Formats.time(e.at()) + "  " + e.actor() + "  " + e.action()
                    + (e.from() == null ? "" : "  " + e.from() + " -> " + e.to());
            if (Reason.RULE_DECISIONS.equals(e.reasonCode()) && e.reasonParams().size() == 1) {
                // what the logistics rules did, one row: each decision (or refused rule) on a line of its own
                out.add(head);
                for (Reason item : Reason.decode(e.reasonParams().get(0))) {
                    out.add("      " + item.english());
                }
            } else {
                out.add(head + (e.reason() == null ? "" : "  (" + e.reason() + ")"));
            }
        }
        return out;
    }
}
