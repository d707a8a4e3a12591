package io.waybill.ui.internal.web;

import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A file made in memory (a PDF, a template) sent to the browser, inline or as an attachment.
 *
 * <p>The browser may drop the connection before the last byte: closing the print dialog removes its frame while
 * Chromium's PDF viewer is still reading, and the viewer itself starts over with range requests. Jetty then fails
 * the write with {@code org.eclipse.jetty.io.EofException}. Vaadin's own {@code DownloadHandler.fromInputStream}
 * rethrows it and the request handler logs it with a stack trace at each close. Here a failed write is what it is
 * (the reader went away; the bytes are still in memory for the next request) and is logged at debug only.
 */
public final class BytesDownload implements DownloadHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BytesDownload.class);

    private final byte[] bytes;
    private final String fileName;
    private final String contentType;
    private final boolean inline;

    private BytesDownload(byte[] bytes, String fileName, String contentType, boolean inline) {
        this.bytes = bytes.clone();
        this.fileName = fileName;
        this.contentType = contentType;
        this.inline = inline;
    }

    /** Shown by the browser (a PDF in a frame). */
    public static BytesDownload inline(byte[] bytes, String fileName, String contentType) {
        return new BytesDownload(bytes, fileName, contentType, true);
    }

    /** Saved by the browser as a file. */
    public static BytesDownload attachment(byte[] bytes, String fileName, String contentType) {
        return new BytesDownload(bytes, fileName, contentType, false);
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) {
        VaadinResponse response = event.getResponse();
        response.setContentType(contentType);
        response.setContentLengthLong(bytes.length);
        response.setHeader("Content-Disposition", disposition(inline, fileName));
        response.setHeader("Cache-Control", "no-store");
        try (OutputStream out = event.getOutputStream()) {
            out.write(bytes);
        } catch (IOException e) {
            // only the connection can fail here (the bytes are in memory): the browser stopped reading
            LOG.debug("{} not sent to the end, the browser closed the connection: {}", fileName, e.toString());
        }
    }

    /** {@code inline; filename="labels.pdf"; filename*=UTF-8''labels.pdf} (ASCII fallback, then the exact name). */
    static String disposition(boolean inline, String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String exact = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
