package io.waybill.print.internal;

import com.google.zxing.oned.Code128Writer;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawing on one page: text in any script (shaped, bidi-ordered, drawn run by run with the font that has the
 * glyphs), word wrapping, rules and vector Code 128 barcodes. Coordinates are PDF points from the bottom left.
 */
final class PdfCanvas implements AutoCloseable {

    enum Align { LEFT, CENTER, RIGHT, START }

    private final PDPageContentStream stream;
    private final DocumentFonts fonts;

    PdfCanvas(PDPageContentStream stream, DocumentFonts fonts) {
        this.stream = stream;
        this.fonts = fonts;
    }

    /** Width of one line of text (logical order) in points. */
    float width(String logical, float size, boolean bold) {
        return prepare(logical, bold).width(size);
    }

    /**
     * Draws one line. {@code x} is the left edge for LEFT, the centre for CENTER, the right edge for RIGHT; START
     * means left for left-to-right text and {@code x + boxWidth} (right aligned) for right-to-left text.
     */
    void text(String logical, float x, float y, float size, boolean bold, Align align, float boxWidth) {
        draw(prepare(logical, bold), x, y, size, align, boxWidth);
    }

    private void draw(Prepared line, float x, float y, float size, Align align, float boxWidth) {
        if (line.runs.isEmpty()) {
            return;
        }
        float left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - line.width(size) / 2;
            case RIGHT -> x - line.width(size);
            case START -> line.rightToLeft ? x + boxWidth - line.width(size) : x;
        };
        try {
            stream.beginText();
            stream.newLineAtOffset(left, y);
            for (Run run : line.runs) {
                stream.setFont(run.face.font(), size);
                run.face.show(stream, run.text);
            }
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line shaped, in visual order, split into font runs; its width per point size is computed once. */
    private static final class Prepared {
        final List<Run> runs;
        final boolean rightToLeft;
        private float unitWidth = -1;

        Prepared(List<Run> runs, boolean rightToLeft) {
            this.runs = runs;
            this.rightToLeft = rightToLeft;
        }

        float width(float size) {
            if (unitWidth < 0) {
                float total = 0;
                for (Run run : runs) {
                    total += run.width(1);
                }
                unitWidth = total;
            }
            return unitWidth * size;
        }
    }

    private Prepared prepare(String logical, boolean bold) {
        String shaped = TextShaper.shape(clean(logical));
        return new Prepared(runs(TextShaper.visual(shaped), bold),
                TextShaper.hasArabicOrHebrew(shaped) && TextShaper.rightToLeft(shaped));
    }

    /** Draws text wrapped at word boundaries (or anywhere for CJK) into at most maxLines lines; returns lines drawn. */
    int paragraph(String logical, float x, float top, float width, float size, boolean bold, float leading,
                  int maxLines) {
        Prepared whole = prepare(logical, bold);
        if (whole.width(size) <= width) { // the common case: one line, shaped and measured once
            draw(whole, x, top - size, size, Align.START, width);
            return whole.runs.isEmpty() ? 0 : 1;
        }
        List<String> lines = wrap(logical, width, size, bold, maxLines);
        float y = top - size;
        for (String line : lines) {
            text(line, x, y, size, bold, Align.START, width);
            y -= leading;
        }
        return lines.size();
    }

    /**
     * Draws one line left-aligned, cut at a word boundary with "…" when it is wider than {@code width} (the first
     * line of {@link #wrap}); shaped and measured once when it fits, the common case.
     */
    void line(String logical, float x, float y, float size, boolean bold, float width) {
        Prepared whole = prepare(clean(logical).strip(), bold);
        if (whole.width(size) <= width) {
            draw(whole, x, y, size, Align.LEFT, width);
            return;
        }
        List<String> one = wrap(logical, width, size, bold, 1);
        text(one.isEmpty() ? "" : one.get(0), x, y, size, bold, Align.LEFT, width);
    }

    /** Splits text (logical order) into lines no wider than {@code width}; the last kept line ends with "…" when cut. */
    List<String> wrap(String logical, float width, float size, boolean bold, int maxLines) {
        String text = clean(logical).strip();
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length() && lines.size() < maxLines) {
            int end = text.length();
            if (width(text.substring(start), size, bold) > width) {
                end = fit(text, start, width, size, bold);
            }
            String line = text.substring(start, end).strip();
            if (lines.size() == maxLines - 1 && end < text.length()) {
                line = ellipsis(text.substring(start), width, size, bold);
                end = text.length();
            }
            lines.add(line);
            start = end;
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
        }
        return lines;
    }

    private int fit(String text, int start, float width, float size, boolean bold) {
        int lastBreak = -1;
        int i = start;
        int best = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (width(text.substring(start, next), size, bold) > width) {
                break;
            }
            best = next;
            if (cp == ' ' || DocumentFonts.isEastAsian(cp) || cp == ',' || cp == '-' || cp == '/') {
                lastBreak = next;
            }
            i = next;
        }
        if (best == start) {
            return Math.min(text.length(), start + Character.charCount(text.codePointAt(start)));
        }
        return best < text.length() && lastBreak > start ? lastBreak : best;
    }

    private String ellipsis(String text, float width, float size, boolean bold) {
        String cut = text;
        while (!cut.isEmpty() && width(cut + "…", size, bold) > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1)).stripTrailing();
        }
        return cut + "…";
    }

    void rule(float x1, float y1, float x2, float y2, float lineWidth) {
        try {
            stream.setLineWidth(lineWidth);
            stream.moveTo(x1, y1);
            stream.lineTo(x2, y2);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void box(float x, float y, float width, float height, float lineWidth) {
        try {
            stream.setLineWidth(lineWidth);
            stream.addRect(x, y, width, height);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fill(float x, float y, float width, float height, float grey) {
        try {
            stream.setNonStrokingColor(grey, grey, grey);
            stream.addRect(x, y, width, height);
            stream.fill();
            stream.setNonStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Draws a Code 128 barcode as filled rectangles (vector), centred at {@code centreX}, bars from {@code y} up to
     * {@code y + height}. The module (narrowest bar) is as wide as fits in {@code maxWidth} with 10-module quiet
     * zones, capped at {@code maxModule}.
     *
     * @return the width of the bars
     */
    float code128(String data, float centreX, float y, float maxWidth, float height, float maxModule) {
        boolean[] modules = new Code128Writer().encode(data);
        float module = Math.min(maxModule, maxWidth / (modules.length + 20));
        float width = module * modules.length;
        float x = centreX - width / 2;
        try {
            int i = 0;
            while (i < modules.length) {
                if (!modules[i]) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < modules.length && modules[i]) {
                    i++;
                }
                stream.addRect(x + start * module, y, (i - start) * module, height);
            }
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return width;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Consecutive characters drawn with one face. */
    private record Run(DocumentFonts.Face face, String text) {
        /** As {@code face.font().getStringWidth(text) / 1000f * size}, from the face's per-character widths. */
        float width(float size) {
            float units = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                units += face.width(cp);
            }
            return units / 1000f * size;
        }
    }

    private List<Run> runs(String visual, boolean bold) {
        List<Run> runs = new ArrayList<>(2);
        DocumentFonts.Face current = null;
        StringBuilder buffer = new StringBuilder();
        for (int i = 0; i < visual.length(); ) {
            int cp = visual.codePointAt(i);
            i += Character.charCount(cp);
            DocumentFonts.Face face = fonts.faceFor(cp, bold);
            if (face != current && buffer.length() > 0) {
                runs.add(new Run(current, buffer.toString()));
                buffer.setLength(0);
            }
            current = face;
            buffer.appendCodePoint(cp);
        }
        if (buffer.length() > 0) {
            runs.add(new Run(current, buffer.toString()));
        }
        return runs;
    }

    /**
     * Null-safe; tabs and line breaks become spaces; control and format characters (bidi marks), zero-width joiners,
     * variation selectors, skin-tone modifiers and tag characters ({@link FontLibrary#invisible}) vanish: an emoji
     * ZWJ sequence such as 👩‍👩‍👧 is drawn as its components, each a monochrome glyph.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            char c = text.charAt(i);
            plain = c >= ' ' && c < 0x7F;
        }
        if (plain) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                out.append(' ');
            } else if (!FontLibrary.invisible(cp) && !Character.isISOControl(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
