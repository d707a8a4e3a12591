package io.waybill.core.internal.shell;

import io.waybill.core.api.WarehouseService;
import io.waybill.core.model.Warehouse;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code waybill:warehouse-list}: warehouses with their address, contact, kind and whether they are enabled. */
@Command(scope = "waybill", name = "warehouse-list", description = "Lists warehouses with address and contact")
@Service
public class WarehouseListCommand implements Action {

    @Reference
    WarehouseService warehouses;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("Kind");
        table.column("Address");
        table.column("Country");
        table.column("Contact");
        table.column("Enabled");
        for (Warehouse w : warehouses.list()) {
            table.addRow().addContent(w.code(), w.name(), w.kind().shellName(), address(w), w.countryCode(),
                    contact(w), w.enabled() ? "yes" : "no");
        }
        table.print(System.out);
        return null;
    }

    /** "street, street 2, postal city, state" of a warehouse, skipping empty parts. */
    static String address(Warehouse w) {
        StringBuilder sb = new StringBuilder();
        String cityLine = join(" ", w.postalCode(), w.city());
        for (String part : new String[] {w.line1(), w.line2(), cityLine, w.state()}) {
            if (part != null && !part.isBlank()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(part);
            }
        }
        return sb.toString();
    }

    static String contact(Warehouse w) {
        return join(" / ", w.contactName(), w.phone(), w.email());
    }

    private static String join(String sep, String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                sb.append(sb.length() == 0 ? "" : sep).append(p);
            }
        }
        return sb.toString();
    }

    /** One line per warehouse for the add/set commands. */
    static String line(Warehouse w) {
        return w.code() + " (" + w.name() + ", " + w.kind().shellName() + (w.enabled() ? "" : ", disabled") + "): "
                + address(w) + ", " + w.countryCode();
    }
}
