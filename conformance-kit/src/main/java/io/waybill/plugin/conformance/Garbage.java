package io.waybill.plugin.conformance;

import java.util.List;
import java.util.Map;

/** 2xx and other answers a plugin cannot read: each must come back as messages, never as an exception. */
enum Garbage {
    HTML(200, "text/html", "<html><body>Gateway says hello</body></html>"),
    EMPTY_OBJECT(200, "application/json", "{}"),
    EMPTY_BODY(200, "application/json", ""),
    BROKEN_JSON(200, "application/json", "{\"data\": [1, 2"),
    WRONG_TYPES(200, "application/json",
            "{\"data\":7,\"results\":\"x\",\"status\":[],\"tracking_number\":{},\"errors\":\"x\",\"orders\":5}"),
    JSON_ARRAY(200, "application/json", "[null, 1, \"x\"]"),
    NOT_FOUND_HTML(404, "text/html", "<h1>404</h1>"),
    TEAPOT(418, "text/plain", "short and stout"),
    CREATED_NO_BODY(201, "application/json", "null");

    final int status;
    final String contentType;
    final String body;

    Garbage(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    void apply(HttpStub stub) {
        stub.answer(status, body, Map.of("Content-Type", contentType));
    }

    static List<Garbage> all() {
        return List.of(values());
    }
}
