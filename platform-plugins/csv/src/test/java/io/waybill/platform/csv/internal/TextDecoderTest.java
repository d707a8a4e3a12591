package io.waybill.platform.csv.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecoderTest {

    @Test
    void readsUtf8WithAndWithoutBom() {
        // given
        byte[] plain = "a,张伟\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);
        // when / then
        assertEquals("a,张伟\n", TextDecoder.decode(plain));
        assertEquals("a,张伟\n", TextDecoder.decode(withBom));
    }

    @Test
    void readsUtf16WithBom() {
        // given
        byte[] le = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, "a,🎁\r\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, "a,🎁\r\n".getBytes(StandardCharsets.UTF_16BE));
        // when / then
        assertEquals("a,🎁\r\n", TextDecoder.decode(le));
        assertEquals("a,🎁\r\n", TextDecoder.decode(be));
    }

    @Test
    void refusesUtf16WithoutBomButLeavesAStrayNulInUtf8ToTheRowChecks() {
        // given
        byte[] le = "order_no,sku\r\n1,A\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] be = "order_no,sku\r\n1,A\r\n".getBytes(StandardCharsets.UTF_16BE);
        byte[] stray = "order_no,sku\n1,A\u0000\n".getBytes(StandardCharsets.UTF_8);
        // when
        OrderFileException little = assertThrows(OrderFileException.class, () -> TextDecoder.decode(le));
        OrderFileException big = assertThrows(OrderFileException.class, () -> TextDecoder.decode(be));
        // then
        assertEquals("bad_encoding_utf16_no_bom", little.code());
        assertTrue(little.getMessage().startsWith("file is not UTF-8 text: it looks like UTF-16 (little-endian)"),
                little.getMessage());
        assertTrue(big.getMessage().startsWith("file is not UTF-8 text: it looks like UTF-16 (big-endian)"),
                big.getMessage());
        assertEquals("order_no,sku\n1,A\u0000\n", TextDecoder.decode(stray));
    }

    @Test
    void refusesLatin1WithTheByteAndItsOffsetAndLine() {
        // given "Müller" saved as Windows-1252 on line 2
        byte[] content = "name\nM\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        // when
        OrderFileException e = assertThrows(OrderFileException.class, () -> TextDecoder.decode(content));
        // then
        assertEquals("bad_encoding", e.code());
        assertTrue(e.getMessage().startsWith("file is not UTF-8 text: byte 0xFC at offset 6 (line 2)"),
                e.getMessage());
    }

    @Test
    void offsetsCountTheBom() {
        // given a BOM, then an invalid byte
        byte[] content = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xC0, 'b'};
        // when
        OrderFileException e = assertThrows(OrderFileException.class, () -> TextDecoder.decode(content));
        // then
        assertTrue(e.getMessage().startsWith("file is not UTF-8 text: byte 0xC0 at offset 4"), e.getMessage());
    }

    @Test
    void refusesATruncatedLastCharacter() {
        // given the first two of the three bytes of 张
        byte[] content = {'a', ',', (byte) 0xE5, (byte) 0xBC};
        // when
        OrderFileException e = assertThrows(OrderFileException.class, () -> TextDecoder.decode(content));
        // then
        assertTrue(e.getMessage().startsWith("file is not UTF-8 text: incomplete character at the end of the file"
                + " (offset 2)"), e.getMessage());
        assertEquals("bad_encoding_truncated", e.code());
    }

    @Test
    void refusesUtf16WithALoneSurrogate() {
        // given UTF-16LE with a high surrogate followed by a normal character
        byte[] content = {(byte) 0xFF, (byte) 0xFE, 'a', 0, 0x3D, (byte) 0xD8, 'b', 0};
        // when
        OrderFileException e = assertThrows(OrderFileException.class, () -> TextDecoder.decode(content));
        // then
        assertTrue(e.getMessage().startsWith("file is not UTF-16 text: byte 0x3D at offset 4"), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
