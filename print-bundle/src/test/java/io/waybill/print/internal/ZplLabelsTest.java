package io.waybill.print.internal;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.spi.carrier.LabelDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ZPL output: carrier ZPL labels verbatim, generated ZPL for the rest, in picking order, sent over raw TCP. */
class ZplLabelsTest {

    static final String CARRIER_ZPL = "^XA\n^FO50,50^A0N,40,40^FDUSPS CARRIER ZPL^FS\n"
            + "^FO50,120^BY3^BCN,150,Y,N,N^FD9205590164917312751089^FS\n^XZ\n";

    private final PdfPrintService service = Fixtures.service(Map.of(
            2L, CarrierLabelPrintTest.label(2, LabelDocument.Format.ZPL, CARRIER_ZPL.getBytes(StandardCharsets.UTF_8))),
            null);

    /** The ^XA...^XZ label formats of a ZPL stream, in order. */
    static List<String> formats(String zpl) {
        return Pattern.compile("\\^XA.*?\\^XZ", Pattern.DOTALL).matcher(zpl).results().map(m -> m.group()).toList();
    }

    @Test
    void oneLabelPerPackageInPickingOrderWithTheCarriersZplVerbatim() {
        // when
        String zpl = new String(service.zplLabels(LabelsTest.ALL), StandardCharsets.UTF_8);

        // then: 101, 103 generated; 102 is the carrier's ZPL exactly; 104 generated
        List<String> labels = formats(zpl);
        assertEquals(4, labels.size(), zpl);
        assertTrue(zpl.contains(CARRIER_ZPL), zpl);
        assertEquals(CARRIER_ZPL.strip(), labels.get(2));
        List<String> barcodes = labels.stream().map(l -> {
            Matcher m = Pattern.compile("\\^BC[^\\^]*\\^FD([^\\^]*)\\^FS").matcher(l);
            assertTrue(m.find(), "one Code 128 field in " + l);
            return m.group(1);
        }).toList();
        assertEquals(List.of("LX123456789CN", "SA1234567890", "9205590164917312751089", "1Z999AA10123456784"),
                barcodes);
        // generated labels: 100x150 mm at 203 dpi, UTF-8 text, package and order number
        assertTrue(labels.get(0).contains("^PW812") && labels.get(0).contains("^LL1218")
                && labels.get(0).contains("^CI28"), labels.get(0));
        assertTrue(labels.get(0).contains("^FDPKG-000101^FS") && labels.get(0).contains("^FDORDER SO-20261101^FS"),
                labels.get(0));
        assertTrue(labels.get(3).contains("^FD1600 Amphitheatre Pkwy^FS"), labels.get(3));
    }

    @Test
    void fieldDataCannotBreakOutOfItsField() {
        assertEquals("a_5Eb_7Ec_5Fd", ZplLabel.hex("a^b~c_d"));
        assertEquals("_0A", ZplLabel.hex("\n"));
        assertEquals("AB><C", ZplLabel.code128("AB>C"));
    }

    @Test
    void zplIsSentOverRawTcpAsExactlyTheseBytes() throws Exception {
        // given: a "printer" listening on a loopback port, reading until the sender closes
        byte[] expected = service.zplLabels(LabelsTest.ALL);
        try (ServerSocket printer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = printer.accept(); InputStream in = s.getInputStream()) {
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    in.transferTo(all);
                    return all.toByteArray();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // when
            String answer = service.sendZpl(LabelsTest.ALL, "127.0.0.1:" + printer.getLocalPort());

            // then
            assertArrayEquals(expected, received.get(30, TimeUnit.SECONDS));
            assertEquals("Sent 4 labels (" + String.format("%,d", expected.length) + " bytes) to 127.0.0.1:"
                    + printer.getLocalPort(), answer);
        }
    }

    @Test
    void theConfiguredPrinterIsUsedWhenNoneIsGiven() throws Exception {
        try (ServerSocket printer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PdfPrintService configured = Fixtures.service(Map.of(), "127.0.0.1:" + printer.getLocalPort());
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = printer.accept(); InputStream in = s.getInputStream()) {
                    return in.readAllBytes();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            configured.sendZpl(List.of(4L), null);
            String zpl = new String(received.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            assertEquals(1, formats(zpl).size(), zpl);
            assertTrue(zpl.contains("^FD1Z999AA10123456784^FS"), zpl);
        }
    }

    @Test
    void printerProblemsAreRefusedWithAReason() throws Exception {
        OperationRefusedException none = assertThrows(OperationRefusedException.class,
                () -> service.sendZpl(List.of(1L), " "));
        assertEquals("no_label_printer", none.code());
        OperationRefusedException bad = assertThrows(OperationRefusedException.class,
                () -> service.sendZpl(List.of(1L), "printer:99999"));
        assertEquals("invalid_printer", bad.code());
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        OperationRefusedException down = assertThrows(OperationRefusedException.class,
                () -> service.sendZpl(List.of(1L), "127.0.0.1:" + closedPort));
        assertEquals("printer_unreachable", down.code());
        assertTrue(down.getMessage().contains("Nothing was printed"), down.getMessage());
    }

    @Test
    void printerAddressesParse() {
        assertEquals(new RawTcpPrinter("10.0.0.5", 9100), RawTcpPrinter.parse("10.0.0.5"));
        assertEquals(new RawTcpPrinter("zebra-1.local", 6101), RawTcpPrinter.parse(" zebra-1.local:6101 "));
        assertEquals(new RawTcpPrinter("fe80::1", 9100), RawTcpPrinter.parse("fe80::1"));
        assertEquals(new RawTcpPrinter("fe80::1", 9101), RawTcpPrinter.parse("[fe80::1]:9101"));
        assertEquals("[fe80::1]:9101", RawTcpPrinter.parse("[fe80::1]:9101").toString());
        assertThrows(OperationRefusedException.class, () -> RawTcpPrinter.parse("host:abc"));
        assertThrows(OperationRefusedException.class, () -> RawTcpPrinter.parse("ho st"));
    }
}
