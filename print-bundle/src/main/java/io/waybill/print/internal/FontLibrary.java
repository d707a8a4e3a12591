package io.waybill.print.internal;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds the font files labels are printed with and keeps their bytes in memory, so every document parses them from
 * memory instead of disk. DejaVu Sans (Latin, Cyrillic, Greek, Arabic) ships inside the bundle; the CJK font is a
 * TrueType-outlined font taken from the configuration or from well-known system paths (PDFBox 3 can subset only
 * TrueType outlines, not the CFF outlines of Noto Sans CJK / Source Han Sans).
 */
final class FontLibrary {

    /** System property naming the CJK font file (overridden by the component configuration). */
    static final String CJK_FONT_PROPERTY = "waybill.print.cjkFont";

    /** TrueType CJK fonts in the places Debian/Ubuntu, Fedora, Arch, Windows and macOS install them. */
    static final List<String> CJK_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",          // Debian fonts-droid-fallback
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",                     // Debian fonts-wqy-microhei
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",                       // Debian fonts-wqy-zenhei
            "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf", // Fedora
            "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",           // Arch
            "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",               // Arch
            "/usr/share/fonts/truetype/arphic/uming.ttc",                         // Debian fonts-arphic-uming
            "C:/Windows/Fonts/msyh.ttc",
            "C:/Windows/Fonts/simsun.ttc",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "/Library/Fonts/Arial Unicode.ttf");

    private static final String RESOURCE_DIR = "fonts/";
    /** A character every Simplified Chinese font has: used to pick a face from a collection. */
    private static final int PROBE = '中';

    private final byte[] regular;
    private final byte[] bold;
    private final String configuredCjk;
    private final AtomicReference<FontFile> cjk = new AtomicReference<>();
    private volatile String cjkProblem;

    /** A font file in memory; {@code face} is the PostScript name of the face inside a collection, or null. */
    record FontFile(String path, byte[] bytes, String face) {

        /** Parses the font. Cheap: fontbox reads tables lazily. */
        TrueTypeFont parse() throws IOException {
            if (face == null) {
                return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            }
            TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes));
            return collection.getFontByName(face);
        }
    }

    /**
     * @param configuredCjk path of the CJK font file from the configuration, or null/blank to search
     */
    FontLibrary(String configuredCjk) {
        this.regular = withoutGsub(resource("DejaVuSans.ttf"));
        this.bold = withoutGsub(resource("DejaVuSans-Bold.ttf"));
        this.configuredCjk = configuredCjk == null || configuredCjk.isBlank()
                ? System.getProperty(CJK_FONT_PROPERTY) : configuredCjk.trim();
    }

    FontFile regular() {
        return new FontFile("bundle:" + RESOURCE_DIR + "DejaVuSans.ttf", regular, null);
    }

    FontFile bold() {
        return new FontFile("bundle:" + RESOURCE_DIR + "DejaVuSans-Bold.ttf", bold, null);
    }

    /** The CJK font, located on first use; null when none is usable ({@link #cjkProblem()} says why). */
    FontFile cjk() {
        FontFile found = cjk.get();
        if (found == null && cjkProblem == null) {
            synchronized (this) {
                found = cjk.get();
                if (found == null && cjkProblem == null) {
                    found = locateCjk();
                    cjk.set(found);
                }
            }
        }
        return found;
    }

    /** Why no CJK font is available, written for the operator; null when one is. */
    String cjkProblem() {
        cjk();
        return cjkProblem;
    }

    private FontFile locateCjk() {
        List<String> tried = new ArrayList<>();
        List<String> candidates = configuredCjk != null ? List.of(configuredCjk) : CJK_CANDIDATES;
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (!Files.isRegularFile(path)) {
                tried.add(candidate + " (absent)");
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(path);
                String face = usableFace(bytes, candidate.toLowerCase().endsWith(".ttc"));
                if (face != null) {
                    return new FontFile(candidate, withoutGsub(bytes), face.isEmpty() ? null : face);
                }
                tried.add(candidate + " (no TrueType-outlined face with Chinese glyphs)");
            } catch (IOException | RuntimeException e) {
                tried.add(candidate + " (unreadable: " + e.getMessage() + ")");
            }
        }
        cjkProblem = "No TrueType font with Chinese/Japanese/Korean glyphs was found, so labels with such text cannot "
                + "be printed. Install one (Debian/Ubuntu: apt-get install fonts-droid-fallback, or fonts-wqy-microhei) "
                + "or set 'cjkFont' in the configuration io.waybill.print (a .ttf/.ttc with TrueType outlines; "
                + "CFF-based .otf/.ttc such as Noto Sans CJK cannot be subset by PDFBox). Tried: "
                + String.join("; ", tried);
        return null;
    }

    /** "" for a usable single font, the face name inside a usable collection, null when not usable. */
    private static String usableFace(byte[] bytes, boolean collection) throws IOException {
        if (!collection) {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            return usable(font) ? "" : null;
        }
        List<String> faces = new ArrayList<>();
        try (TrueTypeCollection ttc = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes))) {
            ttc.processAllFonts(font -> {
                if (faces.isEmpty() && usable(font)) {
                    faces.add(font.getName());
                }
            });
        }
        return faces.isEmpty() ? null : faces.get(0);
    }

    private static boolean usable(TrueTypeFont font) throws IOException {
        boolean cff = font instanceof OpenTypeFont otf && otf.isPostScript();
        return !cff && font.getTableMap().containsKey("glyf") && font.getUnicodeCmapLookup().getGlyphId(PROBE) > 0;
    }

    /**
     * Hides the font's GSUB table (renames its tag) in a copy of the bytes. PDFBox 3 runs every showText through
     * its GSUB engine when a font has one (regex-based, the main cost of drawing a label) only to apply Latin
     * ligatures a label does not want; Arabic is shaped by ICU before it reaches PDFBox. The subsetter keeps only
     * the tables a PDF needs, so the renamed table never reaches the PDF.
     */
    static byte[] withoutGsub(byte[] font) {
        byte[] copy = font.clone();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(copy);
        if (copy.length >= 12 && buffer.getInt(0) == 0x74746366) { // 'ttcf': a collection of table directories
            int fonts = buffer.getInt(8);
            for (int i = 0; i < fonts && 12 + 4 * i + 4 <= copy.length; i++) {
                renameGsub(buffer, buffer.getInt(12 + 4 * i));
            }
        } else {
            renameGsub(buffer, 0);
        }
        return copy;
    }

    private static void renameGsub(java.nio.ByteBuffer buffer, int directory) {
        if (directory < 0 || directory + 12 > buffer.capacity()) {
            return;
        }
        int tables = buffer.getShort(directory + 4) & 0xFFFF;
        for (int t = 0; t < tables; t++) {
            int entry = directory + 12 + 16 * t;
            if (entry + 16 > buffer.capacity()) {
                return;
            }
            if (buffer.getInt(entry) == 0x47535542) { // 'GSUB'
                buffer.putInt(entry, 0x78535542);     // 'xSUB': unknown to fontbox, ignored
            }
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = FontLibrary.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("Font " + name + " is missing from the bundle (build problem)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
