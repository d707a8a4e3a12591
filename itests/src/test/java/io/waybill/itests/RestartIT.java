package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.waybill.itests.WaybillDistribution.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs last: stops the distribution and starts it again on the same data directory. The demo seeder only fills an
 * EMPTY database and stamps the orders with the seeding time, so the same orders with the same created times prove
 * the data survived the restart instead of being seeded again — but only if the restart falls in another clock minute
 * than the first seeding: the shell shows minutes and the seeder's offsets are fixed (seeded Random), so a database
 * wiped and re-seeded within the same minute lists identically (checked by hand). Hence the second, decisive check:
 * "Loaded demo data" appears once in karaf.log (the log lives in data/log and survives the restart).
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(WaybillExtension.class)
class RestartIT {

    private static final String ORDERS = "waybill:order-list -n 1000";
    /** Every package with status and tracking number (the workflow classes before this one moved some along). */
    private static final String PACKAGES = "waybill:package-list -n 1000";
    /** Order no. | Store | Platform | Buyer | Country | Lines | Created | State */
    private static final Pattern ROW = Pattern.compile("^(\\S+)\\s*\\|.*\\|\\s*(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})\\s*\\|"
            + "\\s*(open|cancelled)\\s*$");
    private static final String SEEDED = "Loaded demo data";

    @Test
    void ordersAndTheirTimestampsSurviveARestart(WaybillDistribution waybill) throws IOException {
        // given
        Result before = waybill.shell(ORDERS);
        assertEquals(0, before.exitCode(), () -> "order list before the restart:\n" + before.output());
        // the 50 demo orders plus those the workflow classes imported
        int orders = total(before, "orders");
        assertTrue(orders >= 50, () -> "at least the 50 demo orders before the restart:\n" + before.output());
        List<String> rowsBefore = orderAndCreated(before);
        assertEquals(orders, rowsBefore.size(), () -> "order rows before the restart:\n" + before.output());
        Result packagesBefore = waybill.shell(PACKAGES);
        assertEquals(0, packagesBefore.exitCode(), () -> "package list before the restart:\n"
                + packagesBefore.output());
        int waitingBefore = total(waybill.shell("waybill:package-list --status waiting -n 1"), "packages");
        assertEquals(1, seedingsLogged(waybill), "'" + SEEDED + "' lines in karaf.log after the first start");

        // when
        double seconds = waybill.restart();
        WaybillDistribution.figure("restart: bin/start -> UI and shell ready (same data dir)",
                String.format(Locale.ROOT, "%.1f s", seconds));

        // then
        assertEquals(List.of(), WaybillDistribution.bundleRewiring(waybill.karafLogOfStart(waybill.starts() - 1)),
                "the restart stopped or refreshed bundles (issue 19)");
        Result after = waybill.shell(ORDERS);
        assertEquals(0, after.exitCode(), () -> "order list after the restart:\n" + after.output());
        assertEquals(rowsBefore, orderAndCreated(after),
                "order numbers and created timestamps after the restart (before vs after)");
        assertEquals(before.output(), after.output(), "the whole order list after the restart");
        assertEquals(1, seedingsLogged(waybill),
                "'" + SEEDED + "' lines in karaf.log after the restart: the demo data must not be seeded again");
        assertEquals(packagesBefore.output(), waybill.shell(PACKAGES).output(),
                "the whole package list (statuses, tracking numbers) after the restart");
        assertEquals(waitingBefore, total(waybill.shell("waybill:package-list --status waiting -n 1"), "packages"),
                "waiting packages after the restart");
    }

    private static List<String> orderAndCreated(Result result) {
        return result.output().lines().map(ROW::matcher).filter(Matcher::matches)
                .map(m -> m.group(1) + " @ " + m.group(2)).toList();
    }

    private static long seedingsLogged(WaybillDistribution waybill) throws IOException {
        Path log = waybill.home().resolve("data/log/karaf.log");
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(SEEDED)).count();
        }
    }
}
