package io.waybill.core.internal.shell;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.WarehouseService;
import io.waybill.core.model.Warehouse;
import io.waybill.core.model.WarehouseKind;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code waybill:warehouse-set}: changes the given fields of a warehouse (an empty value clears an optional one) and
 * disables or enables it.
 */
@Command(scope = "waybill", name = "warehouse-set", description = "Changes a warehouse's fields; --disable/--enable")
@Service
public class WarehouseSetCommand implements Action {

    private static final Set<String> FLAGS = Set.of("--disable", "--enable");

    @Reference
    WarehouseService warehouses;

    @Reference
    Session session;

    @Argument(index = 0, name = "code", required = true, description = "Warehouse code")
    String code;

    @Option(name = "--name", description = "Name")
    String name;

    @Option(name = "--street", description = "Street, first line")
    String street;

    @Option(name = "--street2", description = "Street, second line (\"\" clears it)")
    String street2;

    @Option(name = "--city", description = "City")
    String city;

    @Option(name = "--state", description = "State / province (\"\" clears it)")
    String state;

    @Option(name = "--postal", description = "Postal code")
    String postal;

    @Option(name = "--country", description = "ISO 3166 country code")
    String country;

    @Option(name = "--contact", description = "Contact name (\"\" clears it)")
    String contact;

    @Option(name = "--phone", description = "Phone (\"\" clears it)")
    String phone;

    @Option(name = "--email", description = "E-mail (\"\" clears it)")
    String email;

    @Option(name = "--kind", description = "own, overseas or 3pl")
    String kind;

    @Option(name = "--disable", description = "Disable the warehouse (it keeps stock and history)")
    boolean disable;

    @Option(name = "--enable", description = "Enable the warehouse")
    boolean enable;

    /** Options written after the code, as the README writes them ({@link TrailingOptions}). */
    @Argument(index = 1, name = "options", multiValued = true, description = "--name ... --street ... (options may "
            + "also follow the code)")
    List<String> trailing;

    @Override
    public Object execute() {
        Map<String, String> after = TrailingOptions.parse(trailing, WarehouseAddCommand.VALUED, FLAGS,
                "the warehouse code");
        name = WarehouseAddCommand.pick(name, after, "--name");
        street = WarehouseAddCommand.pick(street, after, "--street");
        street2 = WarehouseAddCommand.pick(street2, after, "--street2");
        city = WarehouseAddCommand.pick(city, after, "--city");
        state = WarehouseAddCommand.pick(state, after, "--state");
        postal = WarehouseAddCommand.pick(postal, after, "--postal");
        country = WarehouseAddCommand.pick(country, after, "--country");
        contact = WarehouseAddCommand.pick(contact, after, "--contact");
        phone = WarehouseAddCommand.pick(phone, after, "--phone");
        email = WarehouseAddCommand.pick(email, after, "--email");
        kind = WarehouseAddCommand.pick(kind, after, "--kind");
        disable |= after.containsKey("--disable");
        enable |= after.containsKey("--enable");
        if (disable && enable) {
            throw new OperationRefusedException(WarehouseService.INVALID, "Give --disable or --enable, not both.");
        }
        String actor = ShellUser.name(session);
        Warehouse w = warehouses.get(code).orElseThrow(() -> new OperationRefusedException(WarehouseService.UNKNOWN,
                "Unknown warehouse '" + code + "'."));
        boolean fields = name != null || street != null || street2 != null || city != null || state != null
                || postal != null || country != null || contact != null || phone != null || email != null
                || kind != null;
        if (!fields && !disable && !enable) {
            throw new OperationRefusedException(WarehouseService.INVALID, "Nothing to change: give a field option "
                    + "(--name, --street, ...) or --disable/--enable.");
        }
        if (fields) {
            WarehouseKind k = WarehouseAddCommand.kind(kind);
            w = warehouses.update(new Warehouse(w.code(), or(name, w.name()), k == null ? w.kind() : k,
                    or(street, w.line1()), or(street2, w.line2()), or(city, w.city()), or(state, w.state()),
                    or(postal, w.postalCode()), or(country, w.countryCode()), or(contact, w.contactName()),
                    or(phone, w.phone()), or(email, w.email()), w.enabled()), actor);
        }
        if (disable || enable) {
            w = warehouses.setEnabled(w.code(), enable, actor);
        }
        System.out.println("Updated warehouse " + WarehouseListCommand.line(w));
        return null;
    }

    private static String or(String given, String current) {
        return given != null ? given : current;
    }
}
