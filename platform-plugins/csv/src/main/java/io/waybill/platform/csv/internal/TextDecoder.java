package io.waybill.platform.csv.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the bytes of an order file into text: UTF-8 with or without a byte order mark, or UTF-16 with one. Bytes
 * that are not valid in that encoding are refused with their offset, never replaced, so nothing is imported from a
 * file saved in GBK, Shift-JIS or Windows-1252 as if it were readable.
 */
final class TextDecoder {

    private TextDecoder() {
    }

    /**
     * The text of {@code content}, without its byte order mark.
     *
     * @throws OrderFileException {@code bad_encoding} with the offending byte and its offset (0-based, counted from
     *                            the first byte of the file, byte order mark included) and line
     */
    static String decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return decode(content, 3, StandardCharsets.UTF_8, "UTF-8");
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return decode(content, 2, StandardCharsets.UTF_16BE, "UTF-16");
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return decode(content, 2, StandardCharsets.UTF_16LE, "UTF-16");
        }
        refuseUtf16WithoutBom(content);
        return decode(content, 0, StandardCharsets.UTF_8, "UTF-8");
    }

    /** Bytes looked at to tell UTF-16 without a byte order mark from UTF-8. */
    private static final int SNIFF = 4096;

    /**
     * Refuses text that is UTF-16 without a byte order mark (Excel "Unicode text" copied through tools that drop it,
     * PowerShell redirects): NUL bytes are valid UTF-8, so it would otherwise be read as letters with NULs between
     * them. Recognised by NUL bytes in at least a quarter of the even or odd positions of the first bytes (ASCII
     * letters, digits and separators are one byte and a NUL in UTF-16); a stray NUL in UTF-8 text is left to the row
     * checks, which refuse it in its row.
     */
    private static void refuseUtf16WithoutBom(byte[] content) {
        int n = Math.min(content.length, SNIFF);
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) {
                if (i % 2 == 0) {
                    evenNul++;
                } else {
                    oddNul++;
                }
            }
        }
        int half = Math.max(1, n / 2);
        if (n >= 2 && (oddNul * 4 >= half || evenNul * 4 >= half)) {
            boolean little = oddNul >= evenNul;
            throw new OrderFileException(OrderFileException.BAD_ENCODING_UTF16_NO_BOM, "file is not UTF-8 text: it"
                    + " looks like UTF-16 (" + (little ? "little-endian" : "big-endian") + ") without a byte order"
                    + " mark (NUL bytes between the characters); save it as \"CSV UTF-8\" (Excel) or choose UTF-8"
                    + " when exporting, then upload it again", little ? "UTF-16LE" : "UTF-16BE");
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] content, int start, Charset charset, String name) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(content.length - start);
        try {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int at = in.position();
                // the last bytes are the start of a character whose rest is missing: the file was cut off
                boolean cut = result.isMalformed() && at + result.length() == content.length
                        && (charset == StandardCharsets.UTF_8 ? result.length() >= 2 && isUtf8Start(content, at)
                        : content.length - at == 1 || (content.length - at == 2 && isHighSurrogate(content, at,
                        charset)));
                throw notText(content, at, charset, name, cut);
            }
            result = decoder.flush(out);
            if (result.isError()) {
                throw notText(content, in.position(), charset, name, false);
            }
        } catch (IllegalStateException e) {
            // only from misuse of the decoder; report as an unreadable file rather than crash
            throw notText(content, in.position(), charset, name, false);
        }
        if (in.hasRemaining()) {
            // a truncated last sequence (e.g. half a UTF-16 code unit) is left unread by decode(..., true)
            throw notText(content, in.position(), charset, name, false);
        }
        return out.flip().toString();
    }

    /** Whether the UTF-16 code unit at {@code at} is a high surrogate (the first half of a character). */
    private static boolean isHighSurrogate(byte[] content, int at, Charset charset) {
        int high = charset == StandardCharsets.UTF_16BE ? content[at] & 0xFF : content[at + 1] & 0xFF;
        return high >= 0xD8 && high <= 0xDB;
    }

    /** A UTF-8 lead byte of a multi-byte character followed by continuation bytes only, to the end. */
    private static boolean isUtf8Start(byte[] content, int at) {
        int lead = content[at] & 0xFF;
        if (lead < 0xC2 || lead > 0xF4) {
            return false;
        }
        for (int i = at + 1; i < content.length; i++) {
            if ((content[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param offset where the first byte that is not text is
     * @param cut    whether the bytes from {@code offset} to the end are the start of a character whose rest is missing
     */
    private static OrderFileException notText(byte[] content, int offset, Charset charset, String name,
            boolean cut) {
        int line = 1;
        byte lineFeed = charset == StandardCharsets.UTF_16LE || charset == StandardCharsets.UTF_16BE ? -1 : (byte) '\n';
        for (int i = 0; i < offset && lineFeed != -1; i++) {
            if (content[i] == lineFeed) {
                line++;
            }
        }
        String lineText = lineFeed == -1 ? "" : " (line " + line + ")";
        String hint = "UTF-8".equals(name)
                ? "; save it as \"CSV UTF-8\" (Excel) or choose UTF-8 when exporting, then upload it again"
                : "";
        if (cut || offset >= content.length) {
            return new OrderFileException(OrderFileException.BAD_ENCODING_TRUNCATED, String.format(Locale.ROOT,
                    "file is not %s text: incomplete character at the end of the file (offset %d)%s%s", name, offset,
                    lineText, hint), name, offset);
        }
        String bad = String.format(Locale.ROOT, "0x%02X", content[offset] & 0xFF);
        String text = "file is not " + name + " text: byte " + bad + " at offset " + offset + lineText + hint;
        return "UTF-8".equals(name)
                ? new OrderFileException(OrderFileException.BAD_ENCODING, text, bad, offset, line)
                : new OrderFileException(OrderFileException.BAD_ENCODING_UTF16, text, bad, offset);
    }
}
