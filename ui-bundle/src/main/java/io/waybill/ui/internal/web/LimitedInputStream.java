package io.waybill.ui.internal.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from a stream and fails with {@link RequestTooLargeException} as soon as more than the limit
 * would be read; it never reads past {@code limit + 1} bytes from the underlying stream, whatever the caller asks.
 */
public class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private boolean exceeded;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    public long count() {
        return count;
    }

    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        check();
        int b = in.read();
        if (b >= 0) {
            count++;
            check();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        check();
        // at most one byte beyond the limit is ever requested: enough to know the body is too large
        long room = limit - count + 1;
        int n = in.read(buffer, offset, (int) Math.min(length, room));
        if (n > 0) {
            count += n;
            check();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        check();
        long skipped = in.skip(Math.min(n, limit - count + 1));
        count += Math.max(0, skipped);
        check();
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check() throws RequestTooLargeException {
        if (count > limit) {
            exceeded = true;
            throw new RequestTooLargeException(limit);
        }
    }
}
