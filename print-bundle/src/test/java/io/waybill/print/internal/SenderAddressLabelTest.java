package io.waybill.print.internal;

import io.waybill.core.model.LabelSize;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sender on Waybill's labels is the warehouse's street address, not only its name. */
class SenderAddressLabelTest {

    private final PdfPrintService service = Fixtures.service();

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void everyPdfLabelShowsTheWarehouseStreet(LabelSize size) throws Exception {
        // when
        byte[] pdf = service.labels(List.of(1L, 2L), size);

        // then
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        int pages = text.split(Fixtures.SENDER_STREET, -1).length - 1;
        assertEquals(2, pages, () -> "the street once per label:\n" + text);
        assertTrue(text.contains("518103 Shenzhen"), text);
    }

    @Test
    void theZplLabelShowsTheWarehouseStreet() {
        // given
        LabelData label = LabelData.of(Fixtures.PACKAGES.get(1L),
                Fixtures.stock().warehouses().get(0));

        // when
        String zpl = ZplLabel.of(label);

        // then
        assertTrue(zpl.contains(ZplLabel.hex("Building 3, Fuyong Road 88, 518103 Shenzhen, Guangdong, CN")), zpl);
        assertEquals("Building 3, Fuyong Road 88, 518103 Shenzhen, Guangdong, CN",
                StandardLabelLayout.senderStreet(label));
    }
}
