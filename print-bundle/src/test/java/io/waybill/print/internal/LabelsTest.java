package io.waybill.print.internal;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.LabelSize;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelsTest {

    /** Picking order: TEE-M at A-2 (101, 103), MUG-01 at A-10, CAP-01 at B-01 (102), BAG-07 without bin (104). */
    static final List<String> BARCODES_IN_PICKING_ORDER =
            List.of("LX123456789CN", "SA1234567890", "RR123456785RU", "1Z999AA10123456784");
    static final List<Long> ALL = List.of(4L, 3L, 2L, 1L);

    private final PdfPrintService service = Fixtures.service();

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void everyLabelBarcodeDecodesToTheTrackingOrPackageNumber(LabelSize size) throws Exception {
        // given
        Path dir = Tools.out("labels");

        // when
        byte[] pdf = service.labels(ALL, size);
        List<Path> pages = Tools.pngs(pdf, dir, "labels-" + size);

        // then: one page per package, in picking order, each with exactly its own barcode
        assertEquals(4, pages.size());
        List<String> decoded = new ArrayList<>();
        for (Path page : pages) {
            List<String> codes = Tools.barcodes(page);
            assertEquals(1, codes.size(), "one barcode on " + page + ": " + codes);
            decoded.add(codes.get(0));
        }
        assertEquals(BARCODES_IN_PICKING_ORDER, decoded);
    }

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void pagesHaveTheExactLabelSize(LabelSize size) throws Exception {
        // given
        float mm = 72f / 25.4f;
        float width = size == LabelSize.A4 ? 210 * mm : 100 * mm;
        float height = switch (size) {
            case MM100X100 -> 100 * mm;
            case MM100X150 -> 150 * mm;
            case A4 -> 297 * mm;
        };

        // when
        byte[] pdf = service.labels(ALL, size);

        // then
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(4, document.getNumberOfPages());
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertEquals(width, box.getWidth(), 0.01, "width in points");
                assertEquals(height, box.getHeight(), 0.01, "height in points");
            }
        }
        if (size == LabelSize.A4) {
            assertEquals(PDRectangle.A4.getWidth(), width, 0.01);
            assertEquals(PDRectangle.A4.getHeight(), height, 0.01);
        }
    }

    @Test
    void textHasOrderNumbersAndTheCyrillicName() throws Exception {
        // when
        byte[] pdf = service.labels(ALL, LabelSize.MM100X150);
        String text = Tools.text(pdf, Tools.out("labels"), "labels-text");

        // then
        for (String orderNo : List.of("SO-20261101", "SO-20261102", "SO-20261103", "SO-20261104")) {
            assertTrue(text.contains(orderNo), orderNo + " in " + text);
        }
        assertTrue(text.contains("Иван Петров"), text);
        assertTrue(text.contains("Москва"), text);
        assertTrue(text.contains("MUG-01 x2"), text);
        assertTrue(text.contains("0.940 kg"), "weight of package 101: " + text);
        // pages follow the picking order
        String[] pages = text.split("\f");
        assertTrue(pages[0].contains("PKG-000101") && pages[1].contains("PKG-000103")
                && pages[2].contains("PKG-000102") && pages[3].contains("PKG-000104"), text);
    }

    @Test
    void fontsAreEmbeddedSubsetsLoadedOncePerDocument() throws Exception {
        // when
        byte[] pdf = service.labels(ALL, LabelSize.MM100X150);

        // then: every page uses the same (at most three) font objects, each an embedded subset
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Set<String> names = new HashSet<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                    assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), "subset prefix: " + font.getName());
                    names.add(font.getName());
                }
            }
            assertTrue(names.size() <= 3, names.toString());
            assertTrue(names.stream().anyMatch(n -> n.contains("DejaVuSans")), names.toString());
        }
        assertTrue(pdf.length < 400_000, "subset fonts keep the PDF small: " + pdf.length);
    }

    @Test
    void emptySelectionIsRefused() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> service.labels(List.of(), LabelSize.A4));
        assertEquals("empty_selection", e.code());
    }

    @Test
    void unknownPackagesAreRefused() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> service.labels(List.of(1L, 99L), LabelSize.A4));
        assertEquals("unknown_package", e.code());
        assertFalse(e.getMessage().contains("1,"), e.getMessage());
    }
}
