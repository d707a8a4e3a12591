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

/** {@code waybill:warehouse-add}: adds a warehouse with its full address; the rules are WarehouseValidator's. */
@Command(scope = "waybill", name = "warehouse-add", description = "Adds a warehouse with its address (the sender "
        + "of its shipments)")
@Service
public class WarehouseAddCommand implements Action {

    /** The options that take a value. */
    static final Set<String> VALUED = Set.of("--name", "--street", "--street2", "--city", "--state", "--postal",
            "--country", "--contact", "--phone", "--email", "--kind");

    @Reference
    WarehouseService warehouses;

    @Reference
    Session session;

    @Argument(index = 0, name = "code", required = true, description = "Warehouse code (letters, digits, - _)")
    String code;

    @Option(name = "--name", description = "Name")
    String name;

    @Option(name = "--street", description = "Street, first line")
    String street;

    @Option(name = "--street2", description = "Street, second line")
    String street2;

    @Option(name = "--city", description = "City")
    String city;

    @Option(name = "--state", description = "State / province")
    String state;

    @Option(name = "--postal", description = "Postal code (required where the country has postal codes)")
    String postal;

    @Option(name = "--country", description = "ISO 3166 country code, e.g. CN, US, DE")
    String country;

    @Option(name = "--contact", description = "Contact name")
    String contact;

    @Option(name = "--phone", description = "Phone")
    String phone;

    @Option(name = "--email", description = "E-mail")
    String email;

    @Option(name = "--kind", description = "own (default), overseas or 3pl")
    String kind;

    /** Options written after the code, as the README writes them ({@link TrailingOptions}). */
    @Argument(index = 1, name = "options", multiValued = true, description = "--name ... --street ... (options may "
            + "also follow the code)")
    List<String> trailing;

    @Override
    public Object execute() {
        Map<String, String> after = TrailingOptions.parse(trailing, VALUED, Set.of(), "the warehouse code");
        name = pick(name, after, "--name");
        street = pick(street, after, "--street");
        street2 = pick(street2, after, "--street2");
        city = pick(city, after, "--city");
        state = pick(state, after, "--state");
        postal = pick(postal, after, "--postal");
        country = pick(country, after, "--country");
        contact = pick(contact, after, "--contact");
        phone = pick(phone, after, "--phone");
        email = pick(email, after, "--email");
        kind = pick(kind, after, "--kind");
        Warehouse created = warehouses.create(new Warehouse(code, name, kind(kind), street, street2, city, state,
                postal, country, contact, phone, email, true), ShellUser.name(session));
        System.out.println("Added warehouse " + WarehouseListCommand.line(created));
        return null;
    }

    /** The option's value given before the code, else the one given after it, else null. */
    static String pick(String before, Map<String, String> after, String option) {
        return before != null ? before : after.get(option);
    }

    /** The kind option: null when not given, refused when not own/overseas/3pl. */
    static WarehouseKind kind(String text) {
        if (text == null) {
            return null;
        }
        WarehouseKind k = WarehouseKind.parse(text);
        if (k == null) {
            throw new OperationRefusedException(WarehouseService.INVALID, "Kind '" + text
                    + "' is not one of own, overseas, 3pl.");
        }
        return k;
    }
}
