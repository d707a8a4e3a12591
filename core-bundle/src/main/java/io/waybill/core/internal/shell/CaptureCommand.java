package io.waybill.core.internal.shell;

import io.waybill.core.api.OrderCaptureService;
import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.RowError;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:capture}: "capture now" for a store through its marketplace plugin. */
@Command(scope = "waybill", name = "capture", description = "Captures new and changed orders of a store now")
@Service
public class CaptureCommand implements Action {

    @Reference
    OrderCaptureService capture;

    @Reference
    Session session;

    @Argument(name = "store", required = true, description = "Store code")
    String store;

    @Override
    public Object execute() {
        CaptureResult r = capture.captureNow(store, ShellUser.name(session));
        System.out.println("Captured " + store + ": " + r.created() + " new, " + r.updated() + " updated, "
                + r.unchanged() + " unchanged, " + r.flagged() + " flagged, " + r.rejected().size() + " rejected");
        for (RowError e : r.rejected()) {
            System.out.println("  " + e.column() + ": " + e.reason());
        }
        return null;
    }
}
