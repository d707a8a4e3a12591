package io.waybill.print.internal;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PickingListTest {

    private final PdfPrintService service = Fixtures.service();

    @Test
    void everyPackageBarcodeOnThePickingListDecodes() throws Exception {
        // when
        byte[] pdf = service.pickingList(LabelsTest.ALL, Locale.ENGLISH);
        List<Path> pages = Tools.pngs(pdf, Tools.out("picking"), "picking-en");

        // then
        Set<String> decoded = new HashSet<>();
        for (Path page : pages) {
            decoded.addAll(Tools.barcodes(page));
        }
        assertEquals(Set.of("PKG-000101", "PKG-000102", "PKG-000103", "PKG-000104"), decoded);
    }

    @Test
    void rowsAreGroupedByBinThenSkuWithTotals() throws Exception {
        // when
        byte[] pdf = service.pickingList(LabelsTest.ALL, Locale.ENGLISH);
        String text = Tools.text(pdf, Tools.out("picking"), "picking-en-text");

        // then: bins in walking order (A-2 before A-10), the bin without location last
        int a2 = text.indexOf("A-2 ");
        int a10 = text.indexOf("A-10");
        int b01 = text.indexOf("B-01");
        int none = text.indexOf("(no bin)");
        assertTrue(a2 >= 0 && a2 < a10 && a10 < b01 && b01 < none, text);
        assertTrue(text.contains("PKG-000101, PKG-000103 x3"), "packages of the TEE-M row: " + text);
        assertTrue(text.contains("4 packages · 4 SKUs · 9 units"), text);
        assertTrue(text.matches("(?s).*Totals per SKU.*TEE-M\\s+T-shirt M\\s+4.*"), text);
        assertTrue(text.matches("(?s).*Total\\s+9.*"), text);
        assertTrue(text.contains("Иван Петров"), text);
        for (String orderNo : List.of("SO-20261101", "SO-20261102", "SO-20261103", "SO-20261104")) {
            assertTrue(text.contains(orderNo), orderNo);
        }
    }

    @Test
    void headingsAreInSimplifiedChineseForAChineseLocale() throws Exception {
        // when
        byte[] pdf = service.pickingList(LabelsTest.ALL, Locale.SIMPLIFIED_CHINESE);
        String text = Tools.text(pdf, Tools.out("picking"), "picking-zh");
        Tools.pngs(pdf, Tools.out("picking"), "picking-zh");

        // then
        assertTrue(text.contains("拣货单"), text);
        assertTrue(text.contains("库位"), text);
        assertTrue(text.contains("SKU 合计"), text);
        assertTrue(text.contains("张伟"), text);
    }
}
