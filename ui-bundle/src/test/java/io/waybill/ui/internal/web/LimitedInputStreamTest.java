package io.waybill.ui.internal.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimitedInputStreamTest {

    /** An endless stream that counts what was taken from it. */
    static final class Endless extends InputStream {
        long taken;

        @Override
        public int read() {
            taken++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            taken += len;
            return len;
        }
    }

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws IOException {
        // given
        byte[] body = new byte[1000];
        // when
        byte[] read = new LimitedInputStream(new ByteArrayInputStream(body), 1000).readAllBytes();
        // then
        assertArrayEquals(body, read);
    }

    @Test
    void anEndlessBodyStopsOneByteBeyondTheLimit() {
        // given
        Endless endless = new Endless();
        LimitedInputStream limited = new LimitedInputStream(endless, 20 * 1024 * 1024);
        // when
        RequestTooLargeException e = assertThrows(RequestTooLargeException.class, limited::readAllBytes);
        // then
        assertEquals(20L * 1024 * 1024 + 1, endless.taken, "bytes taken from the request");
        assertTrue(limited.exceeded());
        assertEquals(20L * 1024 * 1024, e.limit());
    }

    @Test
    void singleByteReadsStopAtTheLimitToo() throws IOException {
        // given
        Endless endless = new Endless();
        LimitedInputStream limited = new LimitedInputStream(endless, 10);
        for (int i = 0; i < 10; i++) {
            limited.read();
        }
        // when / then
        assertThrows(RequestTooLargeException.class, limited::read);
        assertThrows(RequestTooLargeException.class, () -> limited.read(new byte[8], 0, 8));
        assertEquals(11, endless.taken);
    }

    @Test
    void theBoundedUploadHandlerKeepsAtMostTheLimit() throws IOException {
        // given
        Endless endless = new Endless();
        // when / then
        assertThrows(RequestTooLargeException.class, () -> BoundedUploadHandler.read(endless, 1024));
        assertEquals(1025, endless.taken);
        assertEquals(5, BoundedUploadHandler.read(new ByteArrayInputStream(new byte[5]), 5).length);
    }
}
