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

    /** One page of the order list; the test reads every page (earlier classes import more than one page). */
    private static final String ORDERS = "waybill:order-list -n 1000 --offset ";
    /** Every package with status and tracking number (the workflow classes before this one moved some along). */
    private static final String PACKAGES = "waybill:package-list -n 1000 -p ";
    private static final int PAGE = 1000;
    /** Order no. | Store | Platform | Buyer | Country | Lines | Created | State */
    private static final Pattern ROW = Pattern.compile("^(\\S+)\\s*\\|.*\\|\\s*(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})\\s*\\|"
            + "\\s*(open|cancelled)\\s*$");
    private static final String SEEDED = "Loaded demo data";

    @Test
    void ordersAndTheirTimestampsSurviveARestart(WaybillDistribution waybill) throws IOException {
        // given
        String before = orders(waybill);
        // the 50 demo orders plus those the workflow classes imported (BulkSelectionIT alone imports 1,000)
        int orders = totalOf(before, "orders");
        assertTrue(orders >= 50, () -> "at least the 50 demo orders before the restart:\n" + before);
        List<String> rowsBefore = orderAndCreated(before);
        assertEquals(orders, rowsBefore.size(), () -> "order rows before the restart:\n" + before);
        String packagesBefore = packages(waybill);
        int waitingBefore = total(waybill.shell("waybill:package-list --status waiting -n 1"), "packages");
        assertEquals(1, seedingsLogged(waybill), "'" + SEEDED + "' lines in karaf.log after the first start");

        // when
        double seconds = waybill.restart();
        WaybillDistribution.figure("restart: bin/start -> UI and shell ready (same data dir)",
                String.format(Locale.ROOT, "%.1f s", seconds));

        // then
        assertEquals(List.of(), WaybillDistribution.bundleRewiring(waybill.karafLogOfStart(waybill.starts() - 1)),
                "the restart stopped or refreshed bundles (issue 19)");
        String after = orders(waybill);
        assertEquals(rowsBefore, orderAndCreated(after),
                "order numbers and created timestamps after the restart (before vs after)");
        assertEquals(before, after, "the whole order list after the restart");
        assertEquals(1, seedingsLogged(waybill),
                "'" + SEEDED + "' lines in karaf.log after the restart: the demo data must not be seeded again");
        assertEquals(packagesBefore, packages(waybill),
                "the whole package list (statuses, tracking numbers) after the restart");
        assertEquals(waitingBefore, total(waybill.shell("waybill:package-list --status waiting -n 1"), "packages"),
                "waiting packages after the restart");
    }

    /** Every page of the order list, one after the other. */
    private static String orders(WaybillDistribution waybill) {
        StringBuilder all = new StringBuilder();
        for (int offset = 0; ; offset += PAGE) {
            Result r = waybill.shell(ORDERS + offset);
            assertEquals(0, r.exitCode(), () -> "order list from " + r.output());
            all.append(r.output());
            if (offset + PAGE >= total(r, "orders")) {
                return all.toString();
            }
        }
    }

    /** Every page of the package list, one after the other. */
    private static String packages(WaybillDistribution waybill) {
        StringBuilder all = new StringBuilder();
        for (int page = 1; ; page++) {
            Result r = waybill.shell(PACKAGES + page);
            assertEquals(0, r.exitCode(), () -> "package list:\n" + r.output());
            all.append(r.output());
            if ((long) page * PAGE >= total(r, "packages")) {
                return all.toString();
            }
        }
    }

    /** The total of the first page's footer ("1000 of 1123 orders"). */
    private static int totalOf(String pages, String noun) {
        java.util.regex.Matcher m = Pattern.compile("(?m)^(?:\\d+ of )?(\\d+) " + noun + "\\s*$").matcher(pages);
        if (!m.find()) {
            throw new AssertionError("No '<n> " + noun + "' footer in:\n" + pages);
        }
        return Integer.parseInt(m.group(1));
    }

    private static List<String> orderAndCreated(String result) {
        return result.lines().map(ROW::matcher).filter(Matcher::matches)
                .map(m -> m.group(1) + " @ " + m.group(2)).toList();
    }

    private static long seedingsLogged(WaybillDistribution waybill) throws IOException {
        Path log = waybill.home().resolve("data/log/karaf.log");
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(SEEDED)).count();
        }
    }
}
