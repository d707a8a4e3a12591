package io.waybill.print.internal;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;

import java.text.Bidi;

/**
 * Turns text in logical (typed) order into what a PDF content stream must draw left to right: Arabic letters
 * replaced by their joined presentation forms (ICU4J), then runs of right-to-left text reversed by the Unicode
 * bidirectional algorithm ({@link java.text.Bidi}), with mirrored brackets. PDFBox does neither.
 */
final class TextShaper {

    private TextShaper() {
    }

    /** Arabic joining in logical order; text without Arabic comes back as is. */
    static String shape(String logical) {
        if (!hasArabic(logical)) {
            return logical;
        }
        try {
            ArabicShaping shaping = new ArabicShaping(ArabicShaping.LETTERS_SHAPE
                    | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK);
            return shaping.shape(logical);
        } catch (ArabicShapingException e) {
            return logical;
        }
    }

    /** Visual (left-to-right drawing) order of one line of already shaped text. */
    static String visual(String line) {
        char[] chars = line.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) {
            return line;
        }
        Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return line;
        }
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        Integer[] runs = new Integer[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            runs[i] = i;
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        StringBuilder out = new StringBuilder(line.length());
        for (Integer run : runs) {
            int start = bidi.getRunStart(run);
            int limit = bidi.getRunLimit(run);
            if ((bidi.getRunLevel(run) & 1) == 0) {
                out.append(line, start, limit);
            } else {
                for (int i = limit; i > start; ) {
                    int cp = line.codePointBefore(i);
                    i -= Character.charCount(cp);
                    out.appendCodePoint(mirror(cp));
                }
            }
        }
        return out.toString();
    }

    /** Whether the paragraph's base direction is right to left (its first strong character is RTL). */
    static boolean rightToLeft(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte dir = Character.getDirectionality(cp);
            if (dir == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            if (dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Whether the text has any right-to-left letter (Hebrew, Arabic and their presentation forms). */
    static boolean hasArabicOrHebrew(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasArabic(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF)) {
                return true;
            }
        }
        return false;
    }

    private static int mirror(int cp) {
        return switch (cp) {
            case '(' -> ')';
            case ')' -> '(';
            case '[' -> ']';
            case ']' -> '[';
            case '{' -> '}';
            case '}' -> '{';
            case '<' -> '>';
            case '>' -> '<';
            case '«' -> '»';
            case '»' -> '«';
            default -> cp;
        };
    }
}
