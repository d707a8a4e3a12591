package io.waybill.device.continuous.internal;

/**
 * One frame of a continuous-output scale, parsed.
 *
 * @param state   ST (stable), US (unstable), OL (overload) or UNREADABLE
 * @param net     true for a net (NT) weight, false for gross (GS)
 * @param grams   weight in whole grams (rounded half up); {@code null} for overload and unreadable frames
 * @param raw     the frame as received (control characters escaped), for messages
 * @param problem why the frame is unreadable, else empty
 */
record ContinuousFrame(State state, boolean net, Integer grams, String raw, String problem) {

    /** What the frame's status field says. */
    enum State { STABLE, UNSTABLE, OVERLOAD, UNREADABLE }

    static ContinuousFrame unreadable(String raw, String problem) {
        return new ContinuousFrame(State.UNREADABLE, false, null, raw, problem);
    }
}
