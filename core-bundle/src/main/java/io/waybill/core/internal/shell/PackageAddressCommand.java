package io.waybill.core.internal.shell;

import io.waybill.core.model.Reason;
import io.waybill.core.api.OrderCaptureService;
import io.waybill.core.api.PackageService;
import io.waybill.core.model.PackageDetail;
import io.waybill.spi.common.Address;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code waybill:package-address}: shows a package's ship-to address or corrects the given fields of it (the others
 * keep their values, {@code ""} clears an optional one), until the package is uploaded to a carrier; through
 * {@code OrderCaptureService.updateAddress}, so the checks, the status rule and the history are the UI's.
 */
@Command(scope = "waybill", name = "package-address", description = "Shows or corrects a package's ship-to "
        + "address until upload (options after the package: --name --company --street --street2 --city --state "
        + "--postal --country --phone --email)")
@Service
public class PackageAddressCommand implements Action {

    /** Option spelling to the address field it sets. */
    static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        for (String o : List.of("name", "company", "street", "street2", "city", "state", "postal", "country",
                "phone", "email")) {
            OPTIONS.put("--" + o, o);
        }
    }

    static final String USAGE = "waybill:package-address WB00000056 [--name N] [--company C] [--street S] "
            + "[--street2 S] [--city C] [--state S] [--postal P] [--country CC] [--phone P] [--email E]";

    @Reference
    PackageService packages;

    @Reference
    OrderCaptureService capture;

    @Reference
    Session session;

    @Argument(index = 0, name = "package", required = true, description = "Package number or tracking number")
    String number;

    @Argument(index = 1, name = "options", multiValued = true, description = "--city Berlin --postal 10115 ... "
            + "(\"\" clears an optional field)")
    List<String> words;

    @Override
    public Object execute() {
        Map<String, List<String>> given;
        try {
            given = TrailingOptions.parse(words, OPTIONS, USAGE);
        } catch (IllegalArgumentException e) {
            throw TrailingOptions.refusal(e);
        }
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            if (e.getValue().size() > 1) {
                throw TrailingOptions.invalid(Reason.of(Reason.OPTIONS_TWICE, "--" + e.getKey()));
            }
        }
        String user = ShellUser.name(session);
        PackageDetail d = PackageArgs.detail(packages, number, user, System.out).orElse(null);
        if (d == null) {
            return null;
        }
        if (given.isEmpty()) {
            lines(d.shipTo()).forEach(System.out::println);
            return null;
        }
        Address updated = apply(d.shipTo(), given);
        capture.updateAddress(d.row().id(), updated, user);
        System.out.println("Ship-to address of " + d.row().packageNo() + " saved:");
        lines(packages.detail(d.row().id(), user).map(PackageDetail::shipTo).orElse(updated))
                .forEach(System.out::println);
        return null;
    }

    /** The address with the given fields replaced (each option's one value). */
    static Address apply(Address a, Map<String, List<String>> given) {
        Address was = a == null ? new Address(null, null, null, null, null, null, null, null, null, null) : a;
        return new Address(pick(given, "name", was.name()), pick(given, "company", was.company()),
                pick(given, "street", was.line1()), pick(given, "street2", was.line2()),
                pick(given, "city", was.city()), pick(given, "state", was.state()),
                pick(given, "postal", was.postalCode()), pick(given, "country", was.countryCode()),
                pick(given, "phone", was.phone()), pick(given, "email", was.email()));
    }

    private static String pick(Map<String, List<String>> given, String key, String current) {
        List<String> v = given.get(key);
        return v == null ? current : v.get(0);
    }

    /** The address one field a line, as the options name them. */
    static List<String> lines(Address a) {
        List<String> out = new ArrayList<>();
        if (a == null) {
            out.add("(no address)");
            return out;
        }
        String[][] rows = {{"name", a.name()}, {"company", a.company()}, {"street", a.line1()},
                {"street2", a.line2()}, {"city", a.city()}, {"state", a.state()}, {"postal", a.postalCode()},
                {"country", a.countryCode()}, {"phone", a.phone()}, {"email", a.email()}};
        for (String[] r : rows) {
            out.add(String.format("  %-8s %s", r[0], r[1] == null || r[1].isBlank() ? "-" : r[1]));
        }
        return out;
    }
}
