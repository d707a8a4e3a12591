package io.waybill.ui.internal.views;

import io.waybill.core.model.UploadState;

import java.util.Locale;

/** Text of the carrier upload state column: "queued", "uploading", "awaiting tracking", "failed: reason". */
public final class UploadStates {

    private UploadStates() {
    }

    /** Looks up a translation. */
    @FunctionalInterface
    public interface Translator {
        String get(String key, Object... params);
    }

    /** Empty for packages never uploaded. Unknown states are shown as they come, lower case. */
    /** What the core stores when a restart interrupted an upload whose outcome is unknown. */
    static final String INTERRUPTED = io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.UPLOAD_INTERRUPTED)
            .english();

    public static String describe(UploadState state, Translator tr) {
        if (state == null || state.state() == null) {
            return "";
        }
        String name = state.state().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "QUEUED" -> tr.get("upload.state.queued");
            case "UPLOADING" -> tr.get("upload.state.uploading");
            case "AWAITING_TRACKING" -> tr.get("upload.state.awaiting");
            case "DONE" -> tr.get("upload.state.done");
            case "FAILED" -> state.lastError() == null || state.lastError().isBlank()
                    ? tr.get("upload.state.failedPlain")
                    // the core's own sentence in the user's language; a carrier's words are quoted as they came
                    : INTERRUPTED.equals(state.lastError().strip()) ? tr.get("upload.state.interrupted")
                    : tr.get("upload.state.failed", state.lastError().strip());
            default -> name.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
