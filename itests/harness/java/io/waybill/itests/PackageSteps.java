package io.waybill.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.waybill.itests.WaybillDistribution.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The workflow of one store's package through the shell, as the marketplace classes walk it: find the package of an
 * order, allocate, upload and wait for its tracking number, print and mark printed, ship with its expected weight, and
 * wait for a status. Each step asserts what the shell answers; {@code context} adds what the caller knows (the
 * requests its stub received) to a failure.
 */
public final class PackageSteps {

    private final WaybillDistribution waybill;
    private final String store;
    private final Duration limit;
    private final Supplier<String> context;

    public PackageSteps(WaybillDistribution waybill, String store, Duration limit, Supplier<String> context) {
        this.waybill = waybill;
        this.store = store;
        this.limit = limit;
        this.context = context;
    }

    /** The package row of an order of the store. */
    public Map<String, String> ofOrder(String orderNo) {
        Result r = list();
        return ShellTables.rows(r).stream().filter(row -> orderNo.equals(row.get("Order no."))).findFirst()
                .orElseThrow(() -> new AssertionError("no package of order " + orderNo + " in store " + store + ":\n"
                        + r.output() + "\n" + context.get()));
    }

    /** Allocates and uploads a package and waits until it is tracked; returns its tracked row. */
    public Map<String, String> allocateAndUpload(String pkg) {
        Result allocate = waybill.shell("waybill:allocate " + pkg);
        assertTrue(allocate.output().contains("1 done, 0 failed"),
                () -> allocate.output() + "\n" + waybill.shell("waybill:package-show " + pkg).output());
        Result upload = waybill.shell("waybill:upload " + pkg);
        // an empty install uploads through the queue, the demo one at once: either way the package gets tracked
        assertTrue(upload.output().contains("1 done, 0 failed") || upload.output().contains("1 queued, 0 refused"),
                upload::output);
        return await(pkg, "tracked");
    }

    /** Prints the package's label into {@code pdf} and marks it printed. */
    public void printMarked(String pkg, Path pdf) {
        Result print = waybill.shell("waybill:print -o \"" + pdf + "\" --mark-printed " + pkg);
        assertTrue(print.output().contains("Mark printed: 1 done, 0 failed"), print::output);
    }

    /** Ships a tracked package with the weight its row expects: the weighing passes. */
    public void ship(String pkg, Map<String, String> trackedRow) {
        Result ship = waybill.shell("waybill:ship -w " + Fixtures.grams(trackedRow.get("Weight")) + " " + pkg);
        assertTrue(ship.output().contains(pkg + ": PASS SHIPPED"), ship::output);
    }

    /** Waits until the package has the status; fails with its last row, package-show and the caller's context. */
    public Map<String, String> await(String pkg, String status) {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, String> row;
        do {
            row = ShellTables.row(list(), "Package no.", pkg).orElse(new LinkedHashMap<>());
            if (status.equals(row.get("Status"))) {
                return row;
            }
            WaybillDistribution.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(pkg + " not " + status + " within " + limit.toSeconds() + " s: " + row
                + "\npackage-show:\n" + waybill.shell("waybill:package-show " + pkg).output() + "\n" + context.get());
    }

    private Result list() {
        return waybill.shell("waybill:package-list --store " + store + " -n 1000");
    }

    /** What a WireMock stub received, one line a request, for failure messages. */
    public static List<String> requests(WireMockServer stub) {
        return stub.getAllServeEvents().stream().map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()
                + " -> " + e.getResponse().getStatus() + " " + e.getRequest().getBodyAsString()).toList();
    }

    /** A recorded body of a plugin's test fixtures. */
    public static String recorded(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("recorded body " + dir.resolve(file).toAbsolutePath(), e);
        }
    }

    /** HTTP 200 with a recorded JSON body. */
    public static ResponseDefinitionBuilder json(Path dir, String file) {
        return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(recorded(dir, file));
    }
}
