package io.waybill.core.internal.shell;

import io.waybill.core.model.ServiceQuote;

import java.io.PrintStream;
import java.util.List;

/** Test access to {@link CarrierQuoteCommand}'s output (package-private). */
public final class CarrierQuoteCommandAccess {

    private CarrierQuoteCommandAccess() {
    }

    public static void print(String pkg, List<ServiceQuote> quotes, PrintStream out) {
        CarrierQuoteCommand.print(pkg, quotes, out);
    }
}
