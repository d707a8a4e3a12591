package io.waybill.ui.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers of every response of the web UI. Nobody may frame the UI (clickjacking); only the
 * UI's own dynamic resources ({@code /VAADIN/dynamic/...}: the PDF shown inline in the print dialog) may be framed,
 * and only by the UI itself.
 */
public final class SecurityHeaders {

    /** Vaadin's dynamic resources: downloads (PDF preview in a frame of the UI) and upload targets. */
    public static final String DYNAMIC_PREFIX = "/VAADIN/dynamic/";

    private SecurityHeaders() {
    }

    /** Header name -> value for a request path (without the context path). */
    public static Map<String, String> forPath(String path) {
        boolean ownFrame = path != null && path.startsWith(DYNAMIC_PREFIX);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Frame-Options", ownFrame ? "SAMEORIGIN" : "DENY");
        headers.put("Content-Security-Policy", ownFrame ? "frame-ancestors 'self'" : "frame-ancestors 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        return headers;
    }
}
