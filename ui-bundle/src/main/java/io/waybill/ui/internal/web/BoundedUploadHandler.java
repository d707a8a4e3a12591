package io.waybill.ui.internal.web;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * An upload handler that keeps a file in memory only up to a limit: it counts the bytes as they arrive and stops
 * reading at {@code limit + 1}, answers 413, tells the UI why (on the UI's thread) and hands nothing to the view.
 * Use it instead of {@code UploadHandler.inMemory} for every upload.
 */
public final class BoundedUploadHandler implements UploadHandler {

    private static final ThreadLocal<Boolean> REFUSED = new ThreadLocal<>();

    private final long limit;
    private final SerializableBiConsumer<UploadMetadata, byte[]> onFile;
    private final SerializableConsumer<UploadMetadata> onTooLarge;

    /**
     * @param onFile     runs in {@code ui.access} with the whole file (at most {@code limit} bytes)
     * @param onTooLarge runs in {@code ui.access} when the file was larger than the limit (nothing kept)
     */
    public BoundedUploadHandler(long limit, SerializableBiConsumer<UploadMetadata, byte[]> onFile,
                                SerializableConsumer<UploadMetadata> onTooLarge) {
        this.limit = limit;
        this.onFile = onFile;
        this.onTooLarge = onTooLarge;
    }

    public static BoundedUploadHandler ofUploadLimit(SerializableBiConsumer<UploadMetadata, byte[]> onFile,
                                                     SerializableConsumer<UploadMetadata> onTooLarge) {
        return new BoundedUploadHandler(UploadLimit.MAX_FILE_BYTES, onFile, onTooLarge);
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UploadMetadata meta = new UploadMetadata(event.getFileName(), event.getContentType(), event.getFileSize());
        UI ui = event.getUI();
        InputStream in = event.getInputStream();
        byte[] content;
        try {
            if (event.getFileSize() > limit) {
                throw new RequestTooLargeException(limit);
            }
            content = read(in, limit);
        } catch (RequestTooLargeException e) {
            // the stream is left unclosed on purpose: closing a multipart item would read the rest of it
            REFUSED.set(Boolean.TRUE);
            // from another thread: a change made on this request thread is only pushed once the client makes its
            // next request, and a client that ignores the 413 (or is not a browser) never does
            CompletableFuture.runAsync(() -> access(ui, () -> onTooLarge.accept(meta)));
            throw e;
        }
        in.close();
        access(ui, () -> onFile.accept(meta, content));
    }

    private static void access(UI ui, com.vaadin.flow.server.Command change) {
        if (ui == null) {
            return;
        }
        try {
            ui.access(change);
        } catch (com.vaadin.flow.component.UIDetachedException e) {
            // the page was closed meanwhile: nothing to show
        }
    }

    /** Reads the whole stream, never more than {@code limit + 1} bytes; more than {@code limit} fails. */
    static byte[] read(InputStream in, long limit) throws IOException {
        return new LimitedInputStream(in, limit).readAllBytes();
    }

    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        boolean refused = Boolean.TRUE.equals(REFUSED.get());
        REFUSED.remove();
        response.setStatus(success ? 200 : refused ? 413 : 500);
    }
}
