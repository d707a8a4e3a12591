package io.waybill.print.internal;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.LabelSize;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import io.waybill.spi.common.Address;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Labels keep every character accepted at import: Latin with accents, CJK, emoji (ZWJ sequences, variation
 * selectors, skin tones: drawn as monochrome components) and mathematical letters, through the font chain DejaVu
 * Sans -> Droid Sans Fallback -> Symbola. Checked in the PDF itself: every drawn character has a real glyph (never
 * .notdef), nothing became "?", and the text extracts back; a character no font has is reported, not drawn.
 */
class UnicodeLabelsTest {

    static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";   // 👩‍👩‍👧
    static final String TRUCK = "\uD83D\uDE9A";                                          // 🚚
    static final String HELLO = "\uD835\uDD73\uD835\uDD8A\uD835\uDD91\uD835\uDD91\uD835\uDD94"; // 𝕳𝖊𝖑𝖑𝖔
    static final String HEART = "\u2764\uFE0F";                                          // ❤️ (emoji presentation)
    static final String THUMB = "\uD83D\uDC4D\uD83C\uDFFD";                              // 👍🏽 (skin tone)

    /** Recipient names and the text expected back from the PDF (joiners, selectors and skin tones not drawn). */
    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(FAMILY + " Smith " + TRUCK, "\uD83D\uDC69\uD83D\uDC69\uD83D\uDC67 Smith " + TRUCK);
        NAMES.put(HELLO + " Müller", HELLO + " Müller");
        NAMES.put("张伟 " + HEART + " 東京", "张伟 \u2764 東京");
        NAMES.put("Zoë Ångström " + THUMB, "Zoë Ångström \uD83D\uDC4D");
    }

    private static FontLibrary fonts;

    @BeforeAll
    static void fonts() {
        fonts = new FontLibrary(null);
        if (fonts.cjk() == null || fonts.symbol() == null) {
            fail("Run scripts/install-test-deps.sh (fonts-droid-fallback, fonts-symbola). " + fonts.cjkProblem() + " "
                    + fonts.symbolProblem());
        }
    }

    private static Map<Long, PackageDetail> packages() {
        Map<Long, PackageDetail> details = new LinkedHashMap<>();
        long id = 1;
        for (String name : NAMES.keySet()) {
            Address to = new Address(name, "", "1 Main Street " + TRUCK, "", "Springfield", "IL", "62704", "US",
                    "+1 555 0100", "");
            PackageRow row = new PackageRow(id, "PKG-U" + id, "SO-U" + id, "SHOP1", "Lumen Home Store", "shopify",
                    name, "US", "", 200, Instant.parse("2026-11-01T08:00:00Z"), PackageStatus.TRACKED, "1Z99900" + id);
            details.put(id, new PackageDetail(row, "#" + id, false, to,
                    List.of(new PackageDetail.Line("MUG-01", "Ceramic mug 350 ml", 1, 200)), Fixtures.WAREHOUSE, 0,
                    List.of(), List.of()));
            id++;
        }
        return details;
    }

    @Test
    void everyAcceptedCharacterIsDrawnWithARealGlyphAndExtractsBack() throws IOException {
        PdfPrintService service = new PdfPrintService(Fixtures.packages(packages()), Fixtures.stock(), fonts, null);

        byte[] pdf = service.labels(List.of(1L, 2L, 3L, 4L), LabelSize.MM100X150);
        Tools.pngs(pdf, Tools.out("unicode"), "labels"); // for a person to look at

        Set<String> fontsUsed = new TreeSet<>();
        List<String> notdef = new ArrayList<>();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition position) {
                    PDFont font = position.getFont();
                    fontsUsed.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                    for (int code : position.getCharacterCodes()) {
                        try {
                            int gid = ((PDCIDFontType2) ((PDType0Font) font).getDescendantFont()).codeToGID(code);
                            if (gid == 0) {
                                notdef.add(position.getUnicode() + " in " + font.getName());
                            }
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    super.processTextPosition(position);
                }
            };
            text = stripper.getText(document);
        }

        assertEquals(List.of(), notdef, "characters drawn as .notdef");
        assertFalse(text.contains("?"), text);
        for (String expected : NAMES.values()) {
            assertTrue(text.contains(expected), "'" + expected + "' in " + text);
        }
        assertTrue(text.contains("1 Main Street " + TRUCK), text);
        assertTrue(fontsUsed.stream().anyMatch(f -> f.startsWith("DejaVuSans")), fontsUsed.toString());
        assertTrue(fontsUsed.stream().anyMatch(f -> f.startsWith("DroidSansFallback")), fontsUsed.toString());
        assertTrue(fontsUsed.stream().anyMatch(f -> f.startsWith("Symbola")), fontsUsed.toString());
        // and what poppler reads (as a scanner app or pdftotext would)
        String poppler = Tools.text(pdf, Tools.out("unicode"), "labels-text");
        assertTrue(poppler.contains("\uD83D\uDC69\uD83D\uDC69\uD83D\uDC67 Smith " + TRUCK), poppler);
        assertTrue(poppler.contains(HELLO), poppler);
    }

    @Test
    void theAcceptedRangesAreAllPrintable() {
        // Latin-1 and Latin Extended-A letters, Cyrillic, Greek, CJK, kana, emoji, math letters, arrows
        for (int[] range : new int[][] {{0xC0, 0x17F}, {0x410, 0x44F}, {0x391, 0x3C9}, {0x4E00, 0x4E80},
                {0x3041, 0x3094}, {0x1F600, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1D400, 0x1D454},
                {0x1D56C, 0x1D59F}}) {
            StringBuilder all = new StringBuilder();
            for (int cp = range[0]; cp <= range[1]; cp++) {
                if (Character.isDefined(cp) && Character.getType(cp) != Character.UNASSIGNED) {
                    all.appendCodePoint(cp);
                }
            }
            assertEquals(List.of(), fonts.unprintable(all.toString()),
                    String.format("U+%04X..U+%04X", range[0], range[1]));
        }
    }

    @Test
    void joinersSelectorsAndSkinTonesAreNeverReported() {
        assertEquals(List.of(), fonts.unprintable(FAMILY + HEART + THUMB + "\u200C\uFE0E\uDB40\uDC01"));
        assertEquals("\uD83D\uDC69\uD83D\uDC69\uD83D\uDC67\u2764\uD83D\uDC4D", PdfCanvas.clean(FAMILY + HEART + THUMB));
    }

    @Test
    void aCharacterNoFontHasIsReportedAndItsLabelRefused() {
        String hieroglyph = "\uD80C\uDC00"; // 𓀀 U+13000: in no font of the chain
        assertEquals(List.of(0x13000), fonts.unprintable("Ann " + hieroglyph + " " + hieroglyph));

        Map<Long, PackageDetail> details = packages();
        PackageDetail one = details.get(1L);
        Address to = new Address("Ann " + hieroglyph, "", "1 Main Street", "", "Springfield", "IL", "62704", "US",
                "", "");
        details.put(1L, new PackageDetail(one.row(), "#1", false, to, one.lines(), Fixtures.WAREHOUSE, 0, List.of(),
                List.of()));
        PdfPrintService service = new PdfPrintService(Fixtures.packages(details), Fixtures.stock(), fonts, null);

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> service.labels(List.of(1L, 2L), LabelSize.MM100X150));
        assertEquals("unprintable_text", e.code());
        assertTrue(e.getMessage().contains("PKG-U1 buyer_name has U+13000"), e.getMessage());
        assertNotNull(service.unprintable(hieroglyph));
        assertEquals(List.of(0x13000), service.unprintable(hieroglyph));
    }
}
