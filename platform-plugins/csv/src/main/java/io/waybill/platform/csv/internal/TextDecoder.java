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
            String order = oddNul >= evenNul ? "little-endian" : "big-endian";
            throw new OrderFileException(OrderFileException.BAD_ENCODING, "file is not UTF-8 text: it looks like"
                    + " UTF-16 (" + order + ") without a byte order mark (NUL bytes between the characters); save it"
                    + " as \"CSV UTF-8\" (Excel) or choose UTF-8 when exporting, then upload it again");
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
                throw notText(content, in.position(), charset, name);
            }
            result = decoder.flush(out);
            if (result.isError()) {
                throw notText(content, in.position(), charset, name);
            }
        } catch (IllegalStateException e) {
            // only from misuse of the decoder; report as an unreadable file rather than crash
            throw new OrderFileException(OrderFileException.BAD_ENCODING, "file is not " + name + " text");
        }
        if (in.hasRemaining()) {
            // a truncated last sequence (e.g. half a UTF-16 code unit) is left unread by decode(..., true)
            throw notText(content, in.position(), charset, name);
        }
        return out.flip().toString();
    }

    private static OrderFileException notText(byte[] content, int offset, Charset charset, String name) {
        int line = 1;
        byte lineFeed = charset == StandardCharsets.UTF_16LE || charset == StandardCharsets.UTF_16BE ? -1 : (byte) '\n';
        for (int i = 0; i < offset && lineFeed != -1; i++) {
            if (content[i] == lineFeed) {
                line++;
            }
        }
        String where = offset < content.length
                ? String.format(Locale.ROOT, "byte 0x%02X at offset %d", content[offset] & 0xFF, offset)
                : String.format(Locale.ROOT, "incomplete character at the end of the file (offset %d)", offset);
        String lineText = lineFeed == -1 ? "" : " (line " + line + ")";
        String hint = "UTF-8".equals(name)
                ? "; save it as \"CSV UTF-8\" (Excel) or choose UTF-8 when exporting, then upload it again"
                : "";
        return new OrderFileException(OrderFileException.BAD_ENCODING,
                "file is not " + name + " text: " + where + lineText + hint);
    }
}
