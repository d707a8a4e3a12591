package io.waybill.print.internal;

import io.waybill.core.api.OperationRefusedException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The fonts of one PDF document: each loaded at most once (on first use) as a subset Type 0 font and reused by every
 * page, with per-character fallback along the chain DejaVu Sans (bold, then regular for bold text) -> CJK font ->
 * emoji/symbol font (Symbola). A character none of them has is refused ({@code unprintable_text}), never drawn as a
 * replacement: the core refuses such text at import already, so this is the last line of defence. The parsed fonts
 * come from the {@link FontLibrary} and go back to it on {@link #close}, after the document is saved.
 */
final class DocumentFonts implements AutoCloseable {

    /** Code points per cache block; the caches below are allocated a block at a time, on first use. */
    private static final int BLOCK = 256;
    private static final int BLOCKS = (Character.MAX_CODE_POINT + 1) / BLOCK;
    /** What {@link PDPageContentStream#showText} writes after the string: " ", the operator, a line feed. */
    private static final byte[] SHOW_TEXT = " Tj\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * A loaded font and its Unicode cmap, with the answers asked of it per code point cached for the document:
     * whether it has a glyph, and the glyph's advance width.
     */
    static final class Face {
        private final PDType0Font font;
        private final CmapLookup cmap;
        private final byte[][] known = new byte[BLOCKS][]; // 0 = not asked yet, 1 = has, 2 = has not
        private final float[][] widths = new float[BLOCKS][]; // NaN = not measured yet
        private final byte[][][] codes = new byte[BLOCKS][][]; // null = not encoded yet
        private final boolean[][] subset = new boolean[BLOCKS][]; // handed to the font's subset already
        /** Scratch buffers of {@link #show}: COSWriter writes byte by byte, which a ByteArrayOutputStream locks. */
        private final Bytes encoded = new Bytes();
        private final Bytes operation = new Bytes();
        /** Whether PDFBox would run glyph substitution (GSUB) on this font's text; FontLibrary hides the table. */
        private final boolean substitutes;

        Face(PDType0Font font, CmapLookup cmap) {
            this.font = font;
            this.cmap = cmap;
            this.substitutes = font.getGsubData() != GsubData.NO_DATA_FOUND;
        }

        PDType0Font font() {
            return font;
        }

        boolean has(int codePoint) {
            byte[] block = known[codePoint / BLOCK];
            if (block == null) {
                block = new byte[BLOCK];
                known[codePoint / BLOCK] = block;
            }
            byte answer = block[codePoint % BLOCK];
            if (answer == 0) {
                answer = cmap.getGlyphId(codePoint) > 0 ? (byte) 1 : (byte) 2;
                block[codePoint % BLOCK] = answer;
            }
            return answer == 1;
        }

        /**
         * The advance width of a character's glyph in thousandths of the font size, exactly what
         * {@link PDType0Font#getStringWidth} adds for it (it encodes and sums glyph by glyph): measured once per
         * document instead of encoding and decoding every measured string.
         */
        float width(int codePoint) {
            float[] block = widths[codePoint / BLOCK];
            if (block == null) {
                block = new float[BLOCK];
                java.util.Arrays.fill(block, Float.NaN);
                widths[codePoint / BLOCK] = block;
            }
            float width = block[codePoint % BLOCK];
            if (Float.isNaN(width)) {
                try {
                    width = font.getStringWidth(new String(Character.toChars(codePoint)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                block[codePoint % BLOCK] = width;
            }
            return width;
        }

        /**
         * Writes {@code text} in this face to the content stream (font already set, in a text object): the very
         * bytes of {@link PDPageContentStream#showText} (the string of glyph codes, then " Tj"), with each
         * character's code taken from the font once per document and handed to the font's subset once instead of
         * encoding and adding every character of every showText. A font with glyph substitution goes through
         * showText itself.
         */
        @SuppressWarnings("deprecation") // appendRawCommands: the bytes are exactly those showText writes
        void show(PDPageContentStream stream, String text) throws IOException {
            if (substitutes) {
                stream.showText(text);
                return;
            }
            encoded.reset();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                byte[] code = code(cp);
                encoded.write(code, 0, code.length);
            }
            operation.reset();
            COSWriter.writeString(encoded.toByteArray(), operation);
            operation.write(SHOW_TEXT, 0, SHOW_TEXT.length);
            stream.appendRawCommands(operation.toByteArray());
        }

        /** The character's code in the content stream (as {@link PDType0Font#encode}), noted for the subset. */
        private byte[] code(int codePoint) throws IOException {
            byte[][] block = codes[codePoint / BLOCK];
            if (block == null) {
                block = new byte[BLOCK][];
                codes[codePoint / BLOCK] = block;
                subset[codePoint / BLOCK] = new boolean[BLOCK];
            }
            byte[] code = block[codePoint % BLOCK];
            if (code == null) {
                code = font.encode(new String(Character.toChars(codePoint)));
                block[codePoint % BLOCK] = code;
            }
            if (!subset[codePoint / BLOCK][codePoint % BLOCK] && font.willBeSubset()) {
                font.addToSubset(codePoint);
                subset[codePoint / BLOCK][codePoint % BLOCK] = true;
            }
            return code;
        }
    }

    /** A growing byte buffer for one thread (a document's), without ByteArrayOutputStream's lock per byte. */
    private static final class Bytes extends OutputStream {
        private byte[] bytes = new byte[256];
        private int size;

        @Override
        public void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, 2 * size);
            }
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int offset, int length) {
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + length));
            }
            System.arraycopy(b, offset, bytes, size, length);
            size += length;
        }

        void reset() {
            size = 0;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    private final PDDocument document;
    private final FontLibrary library;
    private Face regular;
    private Face bold;
    private Face cjk;
    private boolean cjkTried;
    private Face symbol;
    private boolean symbolTried;
    /** {@link #faceFor} answers per code point: [0] for regular text, [1] for bold; filled a block at a time. */
    private final Face[][][] chosen = new Face[2][BLOCKS][];
    /** The parsed fonts this document holds, to give back on {@link #close}. */
    private final List<java.util.Map.Entry<FontLibrary.FontFile, TrueTypeFont>> borrowed = new java.util.ArrayList<>(4);

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

    /** The emoji/symbol face, or null when none is installed. */
    Face symbol() {
        if (!symbolTried) {
            symbolTried = true;
            FontLibrary.FontFile file = library.symbol();
            symbol = file == null ? null : load(file);
        }
        return symbol;
    }

    /**
     * The face to draw a character with: the Latin face when it has the glyph (bold text falls back to regular),
     * else the CJK face, else the emoji/symbol face.
     *
     * @throws OperationRefusedException {@code unprintable_text}: no installed font has the character
     */
    Face faceFor(int codePoint, boolean boldText) {
        Face[][] blocks = chosen[boldText ? 1 : 0];
        Face[] block = blocks[codePoint / BLOCK];
        if (block == null) {
            block = new Face[BLOCK];
            blocks[codePoint / BLOCK] = block;
        }
        Face face = block[codePoint % BLOCK];
        if (face == null) {
            face = choose(codePoint, boldText);
            block[codePoint % BLOCK] = face;
        }
        return face;
    }

    private Face choose(int codePoint, boolean boldText) {
        Face latin = boldText ? bold() : regular();
        if (latin.has(codePoint)) {
            return latin;
        }
        if (boldText && regular().has(codePoint)) {
            return regular();
        }
        Face east = cjk();
        if (east != null && east.has(codePoint)) {
            return east;
        }
        Face symbols = symbol();
        if (symbols != null && symbols.has(codePoint)) {
            return symbols;
        }
        throw unprintable(library, List.of(codePoint));
    }

    /** The refusal of text no installed font can draw: names the characters and what to install. */
    static OperationRefusedException unprintable(FontLibrary library, List<Integer> codePoints) {
        StringBuilder chars = new StringBuilder();
        for (int cp : codePoints) {
            chars.append(chars.length() == 0 ? "" : ", ").append(new String(Character.toChars(cp)))
                    .append(String.format(" (U+%04X)", cp));
        }
        return new OperationRefusedException("unprintable_text", "Nothing was printed: no installed label font can "
                + "draw " + chars + "." + fontHint(library, codePoints));
    }

    /** " " + what to install when a system font of the chain is missing, else "". */
    static String fontHint(FontLibrary library, java.util.Collection<Integer> codePoints) {
        return codePoints.stream().anyMatch(DocumentFonts::isEastAsian) && library.cjkProblem() != null
                ? " " + library.cjkProblem()
                : library.symbolProblem() != null ? " " + library.symbolProblem() : "";
    }

    private Face load(FontLibrary.FontFile file) {
        TrueTypeFont ttf;
        try {
            ttf = library.acquire(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load font " + file.path(), e);
        }
        borrowed.add(java.util.Map.entry(file, ttf));
        try {
            PDType0Font font = PDType0Font.load(document, ttf, true);
            return new Face(font, ttf.getUnicodeCmapLookup());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load font " + file.path(), e);
        }
    }

    /** Hands the parsed fonts back to the library: call after the document is saved (or given up). */
    @Override
    public void close() {
        for (java.util.Map.Entry<FontLibrary.FontFile, TrueTypeFont> font : borrowed) {
            library.release(font.getKey(), font.getValue());
        }
        borrowed.clear();
    }

    static boolean isEastAsian(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO
                || (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
    }
}
