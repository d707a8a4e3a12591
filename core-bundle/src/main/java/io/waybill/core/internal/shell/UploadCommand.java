package io.waybill.core.internal.shell;

import io.waybill.core.api.CarrierUploadService;
import io.waybill.core.api.PackageService;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.UploadOutcome;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code waybill:upload}: Batch upload to the store's carrier (workflow step 2, docs/workflow.md). The packages are
 * queued, not uploaded yet: it says "N queued, M refused" (the refused ones with their reasons). With {@code --wait}
 * it follows the queued packages until each has the carrier's answer (tracked, accepted with the tracking number to
 * come, failed with the reason), as the UI's upload dialog does ({@link UploadOutcome}, the one reading of the
 * states), at most {@code --timeout} seconds.
 */
@Command(scope = "waybill", name = "upload", description = "Queues allocated packages for upload to their carrier")
@Service
public class UploadCommand implements Action {

    @Reference
    CarrierUploadService carriers;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--all-allocated", description = "All allocated packages")
    boolean allAllocated;

    @Option(name = "--wait", description = "Follow the queued packages until the carriers have answered "
            + "(tracked / failed with the reasons)")
    boolean waitForOutcome;

    @Option(name = "--timeout", description = "With --wait: the most seconds to wait (default 120)")
    int timeoutSeconds = 120;

    @Argument(name = "packages", description = "Package numbers", multiValued = true)
    List<String> numbers;

    @Override
    public Object execute() throws InterruptedException {
        List<Long> ids = PackageArgs.resolve(packages, numbers, allAllocated ? PackageStatus.ALLOCATED : null,
                System.out);
        if (ids.isEmpty()) {
            System.out.println("No packages selected.");
            return null;
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            System.out.println("--timeout must be 1..3600 seconds.");
            return null;
        }
        BatchResult result = carriers.upload(ids, ShellUser.name(session));
        PrintStream out = System.out;
        out.println("Batch upload: " + result.succeeded().size() + " queued, " + result.failures().size()
                + " refused (of " + result.requested() + ")");
        for (BatchResult.Failure f : result.failures()) {
            out.println("  " + f.packageNo() + "  [" + f.code() + "]  " + f.message());
        }
        if (result.succeeded().isEmpty()) {
            return null;
        }
        if (!waitForOutcome) {
            out.println("Queued: the carriers answer in the background. Follow them with --wait, or see "
                    + "waybill:package-list --status upload_failed / awaiting_tracking / tracked.");
            return null;
        }
        follow(new UploadOutcome(result, packageNumbers(result)), out);
        return null;
    }

    /** Package numbers of the queued packages (the batch result names only the refused ones). */
    private Map<Long, String> packageNumbers(BatchResult result) {
        Map<Long, String> numbers = new LinkedHashMap<>();
        for (Long id : result.succeeded()) {
            numbers.put(id, packages.detail(id).map(d -> d.row().packageNo()).orElse(String.valueOf(id)));
        }
        return numbers;
    }

    /** Polls the queued packages' states every second; prints each change and the outcome. */
    private void follow(UploadOutcome outcome, PrintStream out) throws InterruptedException {
        out.println("Following the carriers' answers (at most " + timeoutSeconds + " s)...");
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        UploadOutcome.Counts counts = outcome.with(carriers.uploadStates(outcome.queuedIds()));
        String last = null;
        while (true) {
            String line = "  " + counts.tracked() + " tracked, " + counts.awaiting() + " accepted (tracking no. to "
                    + "come), " + counts.failed() + " failed, " + counts.waiting() + " waiting";
            if (!line.equals(last)) {
                out.println(line);
                out.flush();
                last = line;
            }
            if (counts.complete() || System.nanoTime() >= deadline) {
                break;
            }
            Thread.sleep(1000);
            counts = outcome.with(carriers.uploadStates(outcome.queuedIds()));
        }
        out.println((counts.complete() ? "Outcome: " : "Still waiting after " + timeoutSeconds + " s: ")
                + counts.tracked() + " tracked, " + counts.awaiting() + " accepted (tracking no. to come), "
                + counts.failed() + " failed, " + counts.waiting() + " waiting (of " + counts.queued() + " queued)");
        for (UploadOutcome.Problem p : counts.problems()) {
            if (p.code().equals(UploadOutcome.FAILED_CODE) || p.code().equals(UploadOutcome.CANCELLED_CODE)) {
                out.println("  " + p.packageNo() + "  [" + p.code() + "]  " + p.message());
            }
        }
    }
}
