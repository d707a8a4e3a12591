package io.waybill.print.internal;

import io.waybill.core.api.NotPrintableException;
import io.waybill.core.api.PackageService;
import io.waybill.core.model.LabelSize;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The print service follows the package lifecycle ({@code PrintRules}): a refused request renders nothing, reads no
 * stored carrier label and sends nothing to the printer; a mixed selection is refused whole.
 */
class PrintLifecycleTest {

    /** Package 1 in the given status (tracking as given), package 4 tracked. */
    private static Map<Long, PackageDetail> with(PackageStatus status, String tracking) {
        Map<Long, PackageDetail> details = new LinkedHashMap<>(Fixtures.PACKAGES);
        PackageDetail one = details.get(1L);
        PackageRow r = one.row();
        details.put(1L, new PackageDetail(new PackageRow(r.id(), r.packageNo(), r.orderNo(), r.storeCode(),
                r.storeName(), r.platform(), r.buyerName(), r.countryCode(), r.skuSummary(), r.expectedWeightGrams(),
                r.createdAt(), status, tracking), one.platformOrderId(), status == PackageStatus.VOIDED, one.shipTo(),
                one.lines(), one.warehouseCode(), 0, List.of(), List.of()));
        return details;
    }

    private static PdfPrintService service(Map<Long, PackageDetail> details, AtomicInteger labelReads) {
        PackageService packages = Fixtures.packages(details);
        PackageService counting = (PackageService) java.lang.reflect.Proxy.newProxyInstance(
                PackageService.class.getClassLoader(), new Class<?>[] {PackageService.class}, (proxy, m, args) -> {
                    if (m.getName().equals("carrierLabels")) {
                        labelReads.incrementAndGet();
                    }
                    return m.invoke(packages, args);
                });
        return new PdfPrintService(counting, Fixtures.stock(), new FontLibrary(null), null);
    }

    @Test
    void aVoidedPackagesLabelIsRefusedBeforeAnythingIsRendered() {
        AtomicInteger reads = new AtomicInteger();
        PdfPrintService service = service(with(PackageStatus.VOIDED, "LX123456789CN"), reads);

        NotPrintableException e = assertThrows(NotPrintableException.class,
                () -> service.labels(List.of(1L), LabelSize.MM100X150));

        assertEquals("not_printable", e.code());
        assertEquals(Map.of("PKG-000101", "is voided"), e.refused());
        assertEquals(0, reads.get(), "no stored carrier label was even read");
    }

    @ParameterizedTest
    @EnumSource(value = PackageStatus.class, names = {"WAITING", "OUT_OF_STOCK", "ALLOCATED", "AWAITING_TRACKING",
            "UPLOAD_FAILED"})
    void aPackageWithoutTrackingNumberGetsNoLabelPdfOrZpl(PackageStatus status) {
        AtomicInteger reads = new AtomicInteger();
        PdfPrintService service = service(with(status, null), reads);

        for (Runnable print : List.<Runnable>of(() -> service.labels(List.of(1L), LabelSize.A4),
                () -> service.zplLabels(List.of(1L)))) {
            NotPrintableException e = assertThrows(NotPrintableException.class, print::run);
            assertTrue(e.getMessage().startsWith("Nothing was printed: 1 of 1 package cannot have a carrier label: "
                    + "PKG-000101 has no tracking number"), e.getMessage());
        }
        assertEquals(0, reads.get());
    }

    @Test
    void aMixedSelectionIsRefusedWholeAndNothingIsSentToThePrinter() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        PdfPrintService service = service(with(PackageStatus.VOIDED, "LX123456789CN"), reads);
        try (ServerSocket printer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NotPrintableException e = assertThrows(NotPrintableException.class,
                    () -> service.sendZpl(List.of(4L, 1L, 3L), "127.0.0.1:" + printer.getLocalPort()));

            assertEquals("Nothing was printed: 1 of 3 packages cannot have a carrier label: PKG-000101 is voided.",
                    e.getMessage());
            printer.setSoTimeout(500);
            assertThrows(SocketTimeoutException.class, printer::accept, "nothing connected to the printer");
        }
        assertEquals(0, reads.get());
    }

    @Test
    void pickingListsOnlyWhileStockIsHeld() {
        AtomicInteger reads = new AtomicInteger();
        for (PackageStatus status : List.of(PackageStatus.WAITING, PackageStatus.SHIPPED, PackageStatus.VOIDED)) {
            PdfPrintService service = service(with(status, "LX123456789CN"), reads);
            NotPrintableException e = assertThrows(NotPrintableException.class,
                    () -> service.pickingList(List.of(1L, 4L), Locale.ENGLISH));
            assertTrue(e.getMessage().contains("cannot have a picking list: PKG-000101"), e.getMessage());
        }
        byte[] pdf = service(with(PackageStatus.ALLOCATED, null), reads).pickingList(List.of(1L, 4L), Locale.ENGLISH);
        assertTrue(pdf.length > 1000);
    }

    @Test
    void shippedPackagesAreReprinted() {
        AtomicInteger reads = new AtomicInteger();
        byte[] pdf = service(with(PackageStatus.SHIPPED, "LX123456789CN"), reads)
                .labels(List.of(1L), LabelSize.MM100X150);
        assertTrue(pdf.length > 1000);
        assertEquals(1, reads.get());
    }
}
