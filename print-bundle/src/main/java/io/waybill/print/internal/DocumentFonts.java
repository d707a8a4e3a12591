package io.waybill.print.internal;

import io.waybill.core.api.OperationRefusedException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fonts of one PDF document: each loaded at most once (on first use) as a subset Type 0 font and reused by every
 * page, with per-character fallback from DejaVu Sans to the CJK font.
 */
final class DocumentFonts {

    /** A loaded font and its Unicode cmap, to ask whether it has a glyph (answers for Latin..Cyrillic cached). */
    static final class Face {
        private static final int CACHED = 0x530;
        private final PDType0Font font;
        private final CmapLookup cmap;
        private final byte[] known = new byte[CACHED]; // 0 = not asked yet, 1 = has, 2 = has not

        Face(PDType0Font font, CmapLookup cmap) {
            this.font = font;
            this.cmap = cmap;
        }

        PDType0Font font() {
            return font;
        }

        boolean has(int codePoint) {
            if (codePoint >= CACHED) {
                return cmap.getGlyphId(codePoint) > 0;
            }
            byte answer = known[codePoint];
            if (answer == 0) {
                answer = cmap.getGlyphId(codePoint) > 0 ? (byte) 1 : (byte) 2;
                known[codePoint] = answer;
            }
            return answer == 1;
        }
    }

    private final PDDocument document;
    private final FontLibrary library;
    private Face regular;
    private Face bold;
    private Face cjk;
    private boolean cjkTried;

    DocumentFonts(PDDocument document, FontLibrary library) {
        this.document = document;
        this.library = library;
    }

    Face regular() {
        if (regular == null) {
            regular = load(library.regular());
        }
        return regular;
    }

    Face bold() {
        if (bold == null) {
            bold = load(library.bold());
        }
        return bold;
    }

    /** The CJK face, or null when none is installed. */
    Face cjk() {
        if (!cjkTried) {
            cjkTried = true;
            FontLibrary.FontFile file = library.cjk();
            cjk = file == null ? null : load(file);
        }
        return cjk;
    }

    /**
     * The face to draw a character with: the Latin face when it has the glyph, else the CJK face, else null (the
     * caller draws a replacement).
     *
     * @throws OperationRefusedException the character is Han/Kana/Hangul and no CJK font is installed
     */
    Face faceFor(int codePoint, boolean boldText) {
        Face latin = boldText ? bold() : regular();
        if (latin.has(codePoint)) {
            return latin;
        }
        Face east = cjk();
        if (east != null && east.has(codePoint)) {
            return east;
        }
        if (east == null && isEastAsian(codePoint)) {
            throw new OperationRefusedException("cjk_font_missing", library.cjkProblem());
        }
        return null;
    }

    private Face load(FontLibrary.FontFile file) {
        try {
            TrueTypeFont ttf = file.parse();
            PDType0Font font = PDType0Font.load(document, ttf, true);
            return new Face(font, ttf.getUnicodeCmapLookup());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load font " + file.path(), e);
        }
    }

    static boolean isEastAsian(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO
                || (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
    }
}
