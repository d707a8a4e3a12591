package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.api.RuleService;
import io.waybill.core.model.ServiceQuote;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.io.PrintStream;
import java.util.List;

/** {@code waybill:carrier-quote}: each installed carrier's price for a package, per service (carrier SPI 1.4). */
@Command(scope = "waybill", name = "carrier-quote", description = "Asks every installed carrier that offers a price "
        + "look-up what it would charge for the package, per service; books nothing")
@Service
public class CarrierQuoteCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Argument(index = 0, name = "package", required = true, description = "Package or tracking number")
    String number;

    @Override
    public Object execute() {
        List<Long> ids = PackageArgs.resolve(packages, List.of(number), null, System.out);
        if (ids.isEmpty()) {
            return null;
        }
        print(number, rules.quotes(ids.get(0), ShellUser.name(session)), System.out);
        return null;
    }

    static void print(String pkg, List<ServiceQuote> quotes, PrintStream out) {
        if (quotes.isEmpty()) {
            out.println("No installed carrier offers a price look-up for " + pkg + ".");
            return;
        }
        out.printf(java.util.Locale.ROOT, "%-10s | %-10s | %10s | %-8s | %-8s | %s%n", "Carrier", "Service", "Price",
                "Currency", "Delivery", "Name");
        for (ServiceQuote q : quotes) {
            if (q.problem() != null) {
                continue;
            }
            out.printf(java.util.Locale.ROOT, "%-10s | %-10s | %10s | %-8s | %-8s | %s%n", q.carrierId(),
                    q.serviceCode(), q.total().toPlainString(), q.currency() == null ? "-" : q.currency(),
                    q.deliveryTime() == null || q.deliveryTime().isBlank() ? "-" : q.deliveryTime(),
                    q.serviceName() == null ? "" : q.serviceName());
        }
        quotes.stream().map(ServiceQuote::note).filter(java.util.Objects::nonNull).distinct()
                .forEach(n -> out.println("Note: " + n));
        for (ServiceQuote q : quotes) {
            if (q.problem() != null) {
                out.println(q.carrierId() + ": no prices - " + q.problem());
            }
        }
    }
}
