package io.waybill.print.internal;

import com.google.zxing.oned.Code128Writer;
import io.waybill.core.model.CarrierLabel;
import io.waybill.core.model.LabelSize;
import io.waybill.spi.carrier.LabelDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Carrier-supplied labels in the merged label PDF: the carrier's pages are imported in picking order among the
 * generated labels, scaled to the label size; unreadable carrier PDFs and ZPL labels fall back to the generated
 * label in the PDF.
 */
class CarrierLabelPrintTest {

    static final String CARRIER_TRACKING = "9205590164917312751089";

    /**
     * A carrier label as carriers send them: 4 x 6 in (not exactly 100 x 150 mm), a Code 128 of the carrier's
     * tracking number and a second page (a customs form). Synthetic, drawn here, so the test shows what it checks.
     */
    static byte[] carrierPdf(boolean landscape) throws Exception {
        PDRectangle size = landscape ? new PDRectangle(432, 288) : new PDRectangle(288, 432);
        try (PDDocument d = new PDDocument()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPage label = new PDPage(size);
            d.addPage(label);
            try (PDPageContentStream c = new PDPageContentStream(d, label)) {
                text(c, bold, 14, 20, size.getHeight() - 40, "CARRIER LABEL USPS PRIORITY");
                boolean[] bars = new Code128Writer().encode(CARRIER_TRACKING);
                float module = 1.4f;
                float x = 20;
                for (boolean bar : bars) {
                    if (bar) {
                        c.addRect(x, size.getHeight() / 2 - 40, module, 90);
                    }
                    x += module;
                }
                c.fill();
                text(c, bold, 12, 20, size.getHeight() / 2 - 60, CARRIER_TRACKING);
            }
            PDPage customs = new PDPage(size);
            d.addPage(customs);
            try (PDPageContentStream c = new PDPageContentStream(d, customs)) {
                text(c, bold, 14, 20, size.getHeight() - 40, "CN22 CUSTOMS DECLARATION");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.save(out);
            return out.toByteArray();
        }
    }

    private static void text(PDPageContentStream c, PDType1Font font, float size, float x, float y, String s)
            throws Exception {
        c.beginText();
        c.setFont(font, size);
        c.newLineAtOffset(x, y);
        c.showText(s);
        c.endText();
    }

    static CarrierLabel label(long id, LabelDocument.Format format, byte[] content) {
        return new CarrierLabel(id, "shippo", format, content, Instant.parse("2026-11-02T09:00:00Z"));
    }

    @Test
    void carrierPdfPagesAreMergedInPickingOrderAmongGeneratedLabels() throws Exception {
        // given: package 3 (second in picking order) has a two-page carrier PDF label stored
        PdfPrintService service = Fixtures.service(Map.of(3L, label(3, LabelDocument.Format.PDF, carrierPdf(false))),
                null);

        // when
        byte[] pdf = service.labels(LabelsTest.ALL, LabelSize.MM100X150);

        // then: generated 101, carrier label + customs page for 103, generated 102 and 104, every page 100x150 mm
        List<Path> pages = Tools.pngs(pdf, Tools.out("carrier"), "merged");
        assertEquals(5, pages.size());
        List<List<String>> decoded = new ArrayList<>();
        for (Path page : pages) {
            decoded.add(Tools.barcodes(page));
        }
        assertEquals(List.of(List.of("LX123456789CN"), List.of(CARRIER_TRACKING), List.of(), List.of("RR123456785RU"),
                List.of("1Z999AA10123456784")), decoded);
        String[] text = Tools.text(pdf, Tools.out("carrier"), "merged-text").split("\f");
        assertTrue(text[1].contains("CARRIER LABEL USPS PRIORITY"), text[1]);
        assertFalse(text[1].contains("PKG-000103"), "no generated label for the package: " + text[1]);
        assertTrue(text[2].contains("CN22 CUSTOMS DECLARATION"), text[2]);
        assertTrue(text[3].contains("PKG-000102"), text[3]);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle expected = PdfPrintService.pageSize(LabelSize.MM100X150);
            for (PDPage page : document.getPages()) {
                assertEquals(expected.getWidth(), page.getMediaBox().getWidth(), 0.01);
                assertEquals(expected.getHeight(), page.getMediaBox().getHeight(), 0.01);
            }
        }
    }

    @Test
    void landscapeCarrierLabelIsTurnedToFillA4AndStillScans() throws Exception {
        // given: a landscape 6 x 4 in carrier label on portrait 100x100 mm and A4 pages
        PdfPrintService service = Fixtures.service(Map.of(1L, label(1, LabelDocument.Format.PDF, carrierPdf(true))),
                null);
        for (LabelSize size : List.of(LabelSize.MM100X150, LabelSize.A4)) {
            // when
            byte[] pdf = service.labels(List.of(1L), size);

            // then
            List<Path> pages = Tools.pngs(pdf, Tools.out("carrier"), "landscape-" + size);
            assertEquals(2, pages.size());
            assertEquals(List.of(CARRIER_TRACKING), Tools.barcodes(pages.get(0)), "on " + size);
        }
        // and the transform turns it: the 432 pt wide label fits a 283 pt wide page larger when rotated
        var m = CarrierPages.fit(new PDRectangle(432, 288), PdfPrintService.pageSize(LabelSize.MM100X150));
        assertEquals(0, m.getScaleX(), 1e-6);
        assertTrue(m.getShearY() > 0.9, "scale when turned: " + m.getShearY());
    }

    @Test
    void unreadableCarrierPdfAndZplLabelsFallBackToTheGeneratedLabelInThePdf() throws Exception {
        // given: package 3 has the (page-less) PDF the Shippo plugin tests download, package 2 a ZPL label
        byte[] broken;
        try (InputStream in = getClass().getResourceAsStream("shippo-label.pdf")) {
            broken = in.readAllBytes();
        }
        PdfPrintService service = Fixtures.service(Map.of(
                3L, label(3, LabelDocument.Format.PDF, broken),
                2L, label(2, LabelDocument.Format.ZPL, "^XA^FO50,50^BCN,100^FDZPL123^FS^XZ".getBytes())), null);

        // when
        byte[] pdf = service.labels(LabelsTest.ALL, LabelSize.MM100X100);

        // then: the four generated labels, as without carrier labels
        List<Path> pages = Tools.pngs(pdf, Tools.out("carrier"), "fallback");
        List<String> decoded = new ArrayList<>();
        for (Path page : pages) {
            decoded.addAll(Tools.barcodes(page));
        }
        assertEquals(LabelsTest.BARCODES_IN_PICKING_ORDER, decoded);
    }
}
