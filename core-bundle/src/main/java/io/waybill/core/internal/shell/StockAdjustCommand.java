package io.waybill.core.internal.shell;

import io.waybill.core.api.StockService;
import io.waybill.core.model.StockRow;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.ArrayList;
import java.util.List;

/** {@code waybill:stock-adjust}: adds or removes stock (goods received, damaged, ...). */
@Command(scope = "waybill", name = "stock-adjust", description = "Adds (+n) or removes (-n) stock of a SKU")
@Service
public class StockAdjustCommand implements Action {

    static final String DEFAULT_REASON = "adjustment";

    @Reference
    StockService stock;

    @Reference
    Session session;

    @Argument(index = 0, name = "warehouse", required = true, description = "Warehouse code")
    String warehouse;

    @Argument(index = 1, name = "sku", required = true, description = "SKU code")
    String sku;

    @Argument(index = 2, name = "delta", required = true, description = "Change, e.g. 20 or -3")
    int delta;

    @Option(name = "--reason", aliases = "-r", description = "Why (goods received, damaged, ...); may also follow "
            + "the arguments: stock-adjust W SKU -3 -r damaged")
    String reason;

    /**
     * Karaf reads options only before the first argument; the README's {@code stock-adjust W SKU ±n -r why} puts the
     * reason after them, so the words after the delta are read here.
     */
    @Argument(index = 3, name = "-r reason", multiValued = true, description = "-r / --reason and the reason, "
            + "when written after the arguments")
    List<String> trailing;

    @Override
    public Object execute() {
        String why = reason(reason, trailing);
        StockRow row = stock.adjust(warehouse, sku, delta, why, ShellUser.name(session));
        System.out.println(StockListCommand.line(row));
        return null;
    }

    /** The reason given before the arguments or after them ({@code -r why}, {@code --reason why}, {@code -r=why}). */
    static String reason(String before, List<String> trailing) {
        if (trailing == null || trailing.isEmpty()) {
            return before == null ? DEFAULT_REASON : before;
        }
        String first = trailing.get(0);
        List<String> words = new ArrayList<>();
        if (first.equals("-r") || first.equals("--reason")) {
            words.addAll(trailing.subList(1, trailing.size()));
        } else if (first.startsWith("-r=") || first.startsWith("--reason=")) {
            words.add(first.substring(first.indexOf('=') + 1));
            words.addAll(trailing.subList(1, trailing.size()));
        } else {
            throw new IllegalArgumentException("Unexpected '" + first + "' after the change. Usage: "
                    + "waybill:stock-adjust WAREHOUSE SKU ±n [-r REASON]");
        }
        if (before != null) {
            throw new IllegalArgumentException("The reason is given twice; give it once with -r.");
        }
        String joined = String.join(" ", words).strip();
        if (joined.isEmpty()) {
            throw new IllegalArgumentException("-r needs a reason, e.g. -r \"goods received\".");
        }
        return joined;
    }
}
