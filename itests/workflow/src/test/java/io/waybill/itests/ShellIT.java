package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.waybill.itests.WaybillDistribution.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Karaf shell over SSH: Waybill's commands on the demo data, and who may log in where. The admin's own way in, the
 * distribution's {@code bin/client -b} as the README shows it, is driven here; the other classes reach the same shell
 * through the harness's SSH client.
 */
@Order(1)
@ExtendWith(WaybillExtension.class)
class ShellIT {

    @Test
    @Order(1)
    void orderListShowsTheFiftyDemoOrders(WaybillDistribution waybill) {
        // when: through bin/client, as the README's admin does (UTF-8 names pass through its terminal output)
        Result r = waybill.client("admin", waybill.password(), "waybill:order-list");

        // then
        assertEquals(0, r.exitCode(), () -> "exit code of waybill:order-list, output:\n" + r.output());
        assertEquals(50, total(r, "orders"), () -> "order total, output:\n" + r.output());
        assertTrue(r.output().contains("张伟") && r.output().contains("Emily Johnson"),
                () -> "expected demo buyers 张伟 and Emily Johnson in:\n" + r.output());
        assertTrue(r.output().contains("ACME-SHOP") && r.output().contains("ACME-EBAY"),
                () -> "expected both demo stores in:\n" + r.output());
    }

    @Test
    @Order(0)
    void firstBootInstallsTheBootFeaturesWithoutStoppingOrRefreshingABundle(WaybillDistribution waybill) {
        // when: the fresh instance's first boot, as logged by Karaf's features service
        List<String> firstBoot = waybill.karafLogOfStart(0);

        // then: the boot features were deployed (so the log is the right one) ...
        assertTrue(firstBoot.stream().anyMatch(l -> l.contains("FeaturesServiceImpl") && l.strip().endsWith("Done.")),
                () -> "no finished features deployment ('Done.') in the first boot's karaf.log:\n"
                        + String.join("\n", firstBoot));
        // ... and nothing was stopped or refreshed on the way: a refresh of the start-up bundles while the start-level
        // thread starts the features service can deadlock the first start (issue 19)
        assertEquals(List.of(), WaybillDistribution.bundleRewiring(firstBoot),
                () -> "the first boot stopped or refreshed bundles; its features deployment:\n" + String.join("\n",
                        firstBoot.stream().filter(l -> l.contains("FeaturesServiceImpl")).toList()));
        // ... and Declarative Services created every Waybill component: SCR logs a component it cannot create as
        // "ERROR | ... | bundle io.waybill.x:version (id)[component(n)] : reason" (a sync worker left uncreated made
        // every later sync wait for ever)
        List<String> scrErrors = firstBoot.stream()
                .filter(l -> l.contains("| ERROR |") && l.contains("| bundle io.waybill.")).toList();
        assertEquals(List.of(), scrErrors, "components Declarative Services could not create at the first boot");
    }

    @Test
    @Order(2)
    void packageListShowsFiftyWaitingPackages(WaybillDistribution waybill) {
        // when
        Result r = waybill.shell("waybill:package-list --status waiting");

        // then
        assertEquals(0, r.exitCode(), () -> "exit code, output:\n" + r.output());
        assertEquals(50, total(r, "packages"), () -> "waiting packages, output:\n" + r.output());
        long rows = r.output().lines().filter(l -> l.matches("^WB\\d{8}\\s+\\|.*\\|\\s*waiting\\s*\\|.*")).count();
        assertEquals(50, rows, () -> "table rows with a package number in status waiting, output:\n" + r.output());
    }

    @Test
    @Order(3)
    void pluginListShowsTheBootedCsvPluginAndNoCarrierBeforeHotDeploy(WaybillDistribution waybill) {
        // when
        Result r = waybill.shell("waybill:plugin-list");

        // then: the distribution boots the CSV order-file plugin; the pool carrier only comes with hot deploy
        assertEquals(0, r.exitCode(), () -> "exit code, output:\n" + r.output());
        List<java.util.Map<String, String>> rows = ShellTables.rows(r);
        assertTrue(rows.stream().anyMatch(p -> "platform".equals(p.get("Kind")) && "csv".equals(p.get("Id"))),
                () -> "the booted CSV order-file plugin (platform csv), output:\n" + r.output());
        assertTrue(rows.stream().noneMatch(p -> "pool".equals(p.get("Id"))),
                () -> "no pool carrier before any hot deploy, output:\n" + r.output());
        assertEquals(rows.size(), total(r, "plugins"), () -> "footer count vs table rows, output:\n" + r.output());
    }

    @Test
    @Order(4)
    void wrongPasswordIsRefused(WaybillDistribution waybill) {
        // when
        Result r = waybill.client("admin", waybill.password() + "-wrong", "waybill:order-list");

        // then
        assertNotEquals(0, r.exitCode(), () -> "bin/client with a wrong password must fail, output:\n" + r.output());
        assertFalse(r.output().contains("orders"), () -> "a refused client must not see orders:\n" + r.output());
        assertTrue(r.output().toLowerCase().contains("authentication"),
                () -> "expected an authentication failure message, output:\n" + r.output());
    }

    @Test
    @Order(5)
    void defaultKarafUserDoesNotExist(WaybillDistribution waybill) {
        // when
        Result r = waybill.client("karaf", "karaf", "waybill:order-list");

        // then
        assertNotEquals(0, r.exitCode(), () -> "the stock karaf/karaf login must be refused, output:\n" + r.output());
    }

    @Test
    @Order(6)
    void sshListensOnLoopbackOnly(WaybillDistribution waybill) throws Exception {
        // given: the listening sockets of the machine
        WaybillDistribution.Result ss = WaybillDistribution.run(List.of("ss", "-Hltn"), null,
                java.util.Map.of(), Duration.ofSeconds(10));
        assertEquals(0, ss.exitCode(), () -> "ss -Hltn failed: " + ss.output());
        List<String> sshSockets = ss.output().lines()
                .map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length >= 4 && f[3].endsWith(":" + waybill.sshPort()))
                .map(f -> f[3]).toList();

        // then
        assertFalse(sshSockets.isEmpty(), () -> "nothing listens on SSH port " + waybill.sshPort() + ":\n"
                + ss.output());
        for (String local : sshSockets) {
            assertTrue(local.equals("127.0.0.1:" + waybill.sshPort())
                            || local.equals("[::ffff:127.0.0.1]:" + waybill.sshPort())
                            || local.equals("[::1]:" + waybill.sshPort()),
                    () -> "SSH must listen on loopback only, but listens on " + sshSockets);
        }

        // and: through a non-loopback address of this machine SSH is refused while HTTP is reachable
        Optional<InetAddress> external = nonLoopbackAddress();
        if (external.isPresent()) {
            InetAddress address = external.get();
            assertTrue(connects(address, waybill.httpPort()), () -> "control: HTTP port " + waybill.httpPort()
                    + " should be reachable on " + address.getHostAddress());
            assertFalse(connects(address, waybill.sshPort()), () -> "SSH port " + waybill.sshPort()
                    + " must not accept connections on " + address.getHostAddress());
        } else {
            WaybillDistribution.log("no non-loopback IPv4 address: connection check skipped, ss check done");
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
