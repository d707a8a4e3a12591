package io.waybill.print.internal;

import io.waybill.core.model.LabelSize;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The label path's shortcuts (issue 15 item 4) draw exactly what PDFBox would: text widths come from per-character
 * widths cached per document, and parsed fonts are handed from one document to the next.
 */
class LabelFontsReuseTest {

    @Test
    void measuredWidthsAreExactlyPdfBoxsStringWidths() throws Exception {
        FontLibrary library = new FontLibrary(null);
        try (PDDocument document = new PDDocument(); DocumentFonts fonts = new DocumentFonts(document, library)) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PdfCanvas canvas = new PdfCanvas(new PDPageContentStream(document, page), fonts)) {
                // one face each: regular, bold, CJK; asked twice so the second answer comes from the cache
                for (int round = 0; round < 2; round++) {
                    assertEquals(fonts.regular().font().getStringWidth("Lumen Home Store, Москва") / 1000f * 8.5f,
                            canvas.width("Lumen Home Store, Москва", 8.5f, false));
                    assertEquals(fonts.bold().font().getStringWidth("PKG-0000040 0.550 kg") / 1000f * 7f,
                            canvas.width("PKG-0000040 0.550 kg", 7f, true));
                    assertEquals(fonts.cjk().font().getStringWidth("朝阳区建国路号栋室") / 1000f * 11f,
                            canvas.width("朝阳区建国路号栋室", 11f, false));
                }
                // mixed text: the sum of its runs, each measured by PDFBox
                float mixed = (fonts.cjk().font().getStringWidth("朝阳区建国路") / 1000f
                        + fonts.regular().font().getStringWidth("41") / 1000f
                        + fonts.cjk().font().getStringWidth("号") / 1000f) * 8.5f;
                assertEquals(mixed, canvas.width("朝阳区建国路41号", 8.5f, false));
            }
        }
    }

    @Test
    void textIsWrittenWithTheBytesOfShowText() throws Exception {
        List<String> texts = List.of("Lumen Home Store  PKG-0000040", "朝阳区建国路41号 11栋105室 (北京市)",
                "Иван Петров, Москва \\ 1", "张伟 \u2764 東京 \uD83D\uDE9A", "SKU-55 x1  Item 55", "Tel +86 138 0040 0520");
        FontLibrary library = new FontLibrary(null);
        try (PDDocument document = new PDDocument(); DocumentFonts fonts = new DocumentFonts(document, library)) {
            PDPage drawn = new PDPage();
            PDPage expected = new PDPage();
            document.addPage(drawn);
            document.addPage(expected);
            try (PdfCanvas canvas = new PdfCanvas(new PDPageContentStream(document, drawn), fonts)) {
                for (String text : texts) {
                    canvas.text(text, 10, 10, 9, false, PdfCanvas.Align.LEFT, 500);
                }
            }
            // the same runs through PDFBox's own showText
            try (PDPageContentStream stream = new PDPageContentStream(document, expected)) {
                for (String text : texts) {
                    stream.beginText();
                    stream.newLineAtOffset(10, 10);
                    int start = 0;
                    while (start < text.length()) {
                        DocumentFonts.Face face = fonts.faceFor(text.codePointAt(start), false);
                        int end = start + Character.charCount(text.codePointAt(start));
                        while (end < text.length() && fonts.faceFor(text.codePointAt(end), false) == face) {
                            end += Character.charCount(text.codePointAt(end));
                        }
                        stream.setFont(face.font(), 9);
                        stream.showText(text.substring(start, end));
                        start = end;
                    }
                    stream.endText();
                }
            }
            assertArrayEquals(expected.getContents().readAllBytes(), drawn.getContents().readAllBytes());
        }
    }

    @Test
    void laterDocumentsReuseTheParsedFontsAndDrawTheSame() throws Exception {
        PdfPrintService service = Fixtures.service();
        byte[] first = service.labels(LabelsTest.ALL, LabelSize.MM100X150);
        // a picking list in between: other glyphs, the same parsed fonts
        service.pickingList(LabelsTest.ALL, Locale.SIMPLIFIED_CHINESE);
        byte[] again = service.labels(LabelsTest.ALL, LabelSize.MM100X150);

        try (PDDocument a = Loader.loadPDF(first); PDDocument b = Loader.loadPDF(again)) {
            assertEquals(a.getNumberOfPages(), b.getNumberOfPages());
            for (int i = 0; i < a.getNumberOfPages(); i++) {
                assertArrayEquals(a.getPage(i).getContents().readAllBytes(), b.getPage(i).getContents().readAllBytes(),
                        "content of page " + (i + 1));
                assertEquals(fontNames(a.getPage(i)), fontNames(b.getPage(i)), "subset fonts of page " + (i + 1));
            }
        }
        String text = Tools.text(again, Tools.out("labels"), "labels-again");
        assertTrue(text.contains("Иван Петров") && text.contains("MUG-01 x2"), text);
    }

    private static List<String> fontNames(PDPage page) throws Exception {
        List<String> names = new ArrayList<>();
        for (COSName name : page.getResources().getFontNames()) {
            PDFont font = page.getResources().getFont(name);
            assertTrue(font.isEmbedded(), font.getName());
            names.add(name.getName() + "=" + font.getName()); // the subset tag is a hash of the glyphs kept
        }
        return names;
    }
}
