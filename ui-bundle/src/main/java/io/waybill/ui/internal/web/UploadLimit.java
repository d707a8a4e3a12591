package io.waybill.ui.internal.web;

/**
 * The one upload size limit of the web UI: the browser-side {@code Upload} limit, the bounded upload handler and the
 * server-side request filter all read it from here.
 */
public final class UploadLimit {

    /** Largest file an operator may upload (order files): 20 MB. */
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    /** Room for the multipart envelope (boundaries, part headers) around one file of {@link #MAX_FILE_BYTES}. */
    public static final int ENVELOPE_BYTES = 64 * 1024;

    /** Largest request body the server reads at all; beyond it the request is answered 413. */
    public static final long MAX_REQUEST_BYTES = (long) MAX_FILE_BYTES + ENVELOPE_BYTES;

    /** The limit as operators read it ("20 MB"). */
    public static final String MAX_FILE_TEXT = (MAX_FILE_BYTES / (1024 * 1024)) + " MB";

    private UploadLimit() {
    }
}
