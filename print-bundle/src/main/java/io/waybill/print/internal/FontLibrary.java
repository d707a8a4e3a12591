package io.waybill.print.internal;

import org.apache.fontbox.ttf.CmapLookup;
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
 * memory instead of disk. The fallback chain, asked per code point: DejaVu Sans (Latin, Cyrillic, Greek, Arabic,
 * Hebrew; ships inside the bundle) -> a CJK font (TrueType-outlined, from the configuration or well-known system
 * paths; PDFBox 3 can subset only TrueType outlines, not the CFF outlines of Noto Sans CJK / Source Han Sans) ->
 * Symbola (monochrome emoji, symbols, mathematical alphanumerics; Debian fonts-symbola). Either system font may be
 * missing: what the remaining fonts cannot draw is then reported by {@link #unprintable} and refused, never drawn
 * as "?".
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

    /** System property naming the emoji/symbol font file (overridden by the component configuration). */
    static final String SYMBOL_FONT_PROPERTY = "waybill.print.symbolFont";

    /** Symbola (TrueType) where Debian/Ubuntu (fonts-symbola), Fedora (gdouros-symbola-fonts) and Arch put it. */
    static final List<String> SYMBOL_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",         // Debian/Ubuntu fonts-symbola
            "/usr/share/fonts/truetype/ancient-scripts/Symbola.ttf",
            "/usr/share/fonts/truetype/symbola/Symbola.ttf",
            "/usr/share/fonts/gdouros-symbola/Symbola.ttf",                       // Fedora
            "/usr/share/fonts/TTF/Symbola.ttf",                                   // Arch
            "C:/Windows/Fonts/Symbola.ttf",
            "/Library/Fonts/Symbola.ttf");

    private static final String RESOURCE_DIR = "fonts/";
    /** A character Symbola has (delivery truck), used to check a symbol font. */
    private static final int SYMBOL_PROBE = 0x1F69A;
    /** A character every Simplified Chinese font has: used to pick a face from a collection. */
    private static final int PROBE = '中';

    private final byte[] regular;
    private final byte[] bold;
    private final String configuredCjk;
    private final String configuredSymbol;
    private final AtomicReference<FontFile> cjk = new AtomicReference<>();
    private volatile String cjkProblem;
    private final AtomicReference<FontFile> symbol = new AtomicReference<>();
    private volatile String symbolProblem;
    /** Cmaps of the chain for {@link #unprintable}; guarded by {@code this} (fontbox reads tables lazily). */
    private CmapLookup[] coverage;
    private final java.util.concurrent.ConcurrentHashMap<Integer, Boolean> drawable =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Parsed fonts that no document holds: at most this many per font file are kept for the next documents. */
    private static final int IDLE_PER_FONT = 2;
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.ConcurrentLinkedQueue<TrueTypeFont>>
            idle = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A parsed font for one document's exclusive use, to be handed back with {@link #release} once the document is
     * saved or abandoned. Parsing copies the whole file (4 MB for Droid Sans Fallback) and reads its cmap and
     * metrics, per document and font; a released font is parsed already. PDFBox embeds a subset of a font it was
     * given without closing it (closing is a no-op for fonts parsed from memory), so it serves document after
     * document; it is not thread-safe, so never two documents at once.
     */
    TrueTypeFont acquire(FontFile file) throws IOException {
        java.util.concurrent.ConcurrentLinkedQueue<TrueTypeFont> fonts = idle.get(file.path());
        TrueTypeFont font = fonts == null ? null : fonts.poll();
        return font != null ? font : file.parse();
    }

    /** Takes back a font of {@link #acquire} its document no longer uses (kept up to {@value #IDLE_PER_FONT}). */
    void release(FontFile file, TrueTypeFont font) {
        java.util.concurrent.ConcurrentLinkedQueue<TrueTypeFont> fonts =
                idle.computeIfAbsent(file.path(), path -> new java.util.concurrent.ConcurrentLinkedQueue<>());
        if (fonts.size() < IDLE_PER_FONT) {
            fonts.offer(font);
        }
    }

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
        this(configuredCjk, null);
    }

    /**
     * @param configuredCjk    path of the CJK font file from the configuration, or null/blank to search
     * @param configuredSymbol path of the emoji/symbol font (Symbola) from the configuration, or null/blank to search
     */
    FontLibrary(String configuredCjk, String configuredSymbol) {
        this.regular = withoutGsub(resource("DejaVuSans.ttf"));
        this.bold = withoutGsub(resource("DejaVuSans-Bold.ttf"));
        this.configuredCjk = configuredCjk == null || configuredCjk.isBlank()
                ? System.getProperty(CJK_FONT_PROPERTY) : configuredCjk.trim();
        this.configuredSymbol = configuredSymbol == null || configuredSymbol.isBlank()
                ? System.getProperty(SYMBOL_FONT_PROPERTY) : configuredSymbol.trim();
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

    /** The emoji/symbol font, located on first use; null when none is usable ({@link #symbolProblem()} says why). */
    FontFile symbol() {
        FontFile found = symbol.get();
        if (found == null && symbolProblem == null) {
            synchronized (this) {
                found = symbol.get();
                if (found == null && symbolProblem == null) {
                    List<String> tried = new ArrayList<>();
                    found = locate(configuredSymbol != null ? List.of(configuredSymbol) : SYMBOL_CANDIDATES,
                            SYMBOL_PROBE, tried);
                    if (found == null) {
                        symbolProblem = "No emoji/symbol font (Symbola) was found, so emoji, pictographs and "
                                + "mathematical letters cannot be printed. Install one (Debian/Ubuntu: apt-get install "
                                + "fonts-symbola) or set 'symbolFont' in the configuration io.waybill.print. Tried: "
                                + String.join("; ", tried);
                    }
                    symbol.set(found);
                }
            }
        }
        return found;
    }

    /** Why no emoji/symbol font is available, written for the operator; null when one is. */
    String symbolProblem() {
        symbol();
        return symbolProblem;
    }

    /**
     * Whether a character is drawn at all: zero-width joiners and non-joiners, variation selectors (text/emoji
     * presentation), emoji skin-tone modifiers and tag characters are dropped from label text (a monochrome glyph
     * shows each emoji component; a skin tone cannot be shown without colour), as are format controls.
     */
    static boolean invisible(int cp) {
        return cp == 0x200D || cp == 0x200C || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0000 && cp <= 0xE007F)
                || Character.getType(cp) == Character.FORMAT;
    }

    /**
     * The code points of {@code text} that no font of the chain can draw, distinct, in order of appearance.
     * Invisible characters ({@link #invisible}), line breaks and tabs (drawn as spaces) are never reported.
     */
    List<Integer> unprintable(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        java.util.LinkedHashSet<Integer> missing = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x20 && cp < 0x7F || cp == '\t' || cp == '\n' || cp == '\r' || invisible(cp)
                    || Character.isISOControl(cp)) {
                continue;
            }
            if (!drawable(cp)) {
                if (missing == null) {
                    missing = new java.util.LinkedHashSet<>();
                }
                missing.add(cp);
            }
        }
        return missing == null ? List.of() : List.copyOf(missing);
    }

    /** Whether some font of the chain (regular, CJK, symbol) has a glyph for the code point. */
    boolean drawable(int cp) {
        Boolean known = drawable.get(cp);
        if (known == null) {
            synchronized (this) {
                if (coverage == null) {
                    coverage = loadCoverage();
                }
                boolean has = false;
                for (CmapLookup cmap : coverage) {
                    if (cmap != null && cmap.getGlyphId(cp) > 0) {
                        has = true;
                        break;
                    }
                }
                known = has;
            }
            if (drawable.size() < 100_000) {
                drawable.put(cp, known);
            }
        }
        return known;
    }

    private CmapLookup[] loadCoverage() {
        FontFile[] chain = {regular(), cjk(), symbol()};
        CmapLookup[] cmaps = new CmapLookup[chain.length];
        for (int i = 0; i < chain.length; i++) {
            if (chain[i] != null) {
                try {
                    cmaps[i] = chain[i].parse().getUnicodeCmapLookup();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read font " + chain[i].path(), e);
                }
            }
        }
        return cmaps;
    }

    /** Why no CJK font is available, written for the operator; null when one is. */
    String cjkProblem() {
        cjk();
        return cjkProblem;
    }

    private FontFile locateCjk() {
        List<String> tried = new ArrayList<>();
        FontFile found = locate(configuredCjk != null ? List.of(configuredCjk) : CJK_CANDIDATES, PROBE, tried);
        if (found != null) {
            return found;
        }
        cjkProblem = "No TrueType font with Chinese/Japanese/Korean glyphs was found, so labels with such text cannot "
                + "be printed. Install one (Debian/Ubuntu: apt-get install fonts-droid-fallback, or fonts-wqy-microhei) "
                + "or set 'cjkFont' in the configuration io.waybill.print (a .ttf/.ttc with TrueType outlines; "
                + "CFF-based .otf/.ttc such as Noto Sans CJK cannot be subset by PDFBox). Tried: "
                + String.join("; ", tried);
        return null;
    }

    /** The first candidate that is a TrueType-outlined font with a glyph for {@code probe}; notes the others. */
    private static FontFile locate(List<String> candidates, int probe, List<String> tried) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (!Files.isRegularFile(path)) {
                tried.add(candidate + " (absent)");
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(path);
                String face = usableFace(bytes, candidate.toLowerCase().endsWith(".ttc"), probe);
                if (face != null) {
                    return new FontFile(candidate, withoutGsub(bytes), face.isEmpty() ? null : face);
                }
                tried.add(candidate + String.format(" (no TrueType-outlined face with U+%04X)", probe));
            } catch (IOException | RuntimeException e) {
                tried.add(candidate + " (unreadable: " + e.getMessage() + ")");
            }
        }
        return null;
    }

    /** "" for a usable single font, the face name inside a usable collection, null when not usable. */
    private static String usableFace(byte[] bytes, boolean collection, int probe) throws IOException {
        if (!collection) {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            return usable(font, probe) ? "" : null;
        }
        List<String> faces = new ArrayList<>();
        try (TrueTypeCollection ttc = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes))) {
            ttc.processAllFonts(font -> {
                if (faces.isEmpty() && usable(font, probe)) {
                    faces.add(font.getName());
                }
            });
        }
        return faces.isEmpty() ? null : faces.get(0);
    }

    private static boolean usable(TrueTypeFont font, int probe) throws IOException {
        boolean cff = font instanceof OpenTypeFont otf && otf.isPostScript();
        return !cff && font.getTableMap().containsKey("glyf") && font.getUnicodeCmapLookup().getGlyphId(probe) > 0;
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
