package io.waybill.ui.internal.web;

import java.io.IOException;

/** Thrown by a bounded body stream when a request body goes beyond its limit; nothing further is read. */
public class RequestTooLargeException extends IOException {

    private final long limit;

    public RequestTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes refused");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
