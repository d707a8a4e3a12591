package io.waybill.spi.device;

import java.util.List;

/**
 * Whether a device can be used, and why not.
 *
 * <p>Since 1.1 a status may also say why as data: a {@link #code} (one of the constants below) and the values its
 * sentence names ({@link #params}), so Waybill shows the reason in the operator's language; {@link #detail} stays the
 * plugin's own English text (logs, the shell, and any code Waybill does not know). A status without a code (a 1.0
 * plugin) shows its detail as it is.
 *
 * @param state  ONLINE or OFFLINE
 * @param detail reason an operator can read (e.g. "no answer within 2 s on /dev/ttyUSB0")
 * @param code   why, as a stable code, or null (since 1.1)
 * @param params the values of the code's sentence, in the order the constant's comment gives (since 1.1); "where" is
 *               the port or host and port
 */
public record DeviceStatus(State state, String detail, String code, List<String> params) {
    /** Device availability. */
    public enum State { ONLINE, OFFLINE }

    // Why a scale is offline or gives no weight (since 1.1): the code, then its params.
    /** The plugin's settings are wrong: [scale name, the problem]. */
    public static final String BAD_SETTINGS = "bad_settings";
    /** Another request holds the scale: [where, ms waited]. */
    public static final String BUSY = "busy";
    /** The waiting thread was interrupted: [where]. */
    public static final String INTERRUPTED = "interrupted";
    /** The port or socket cannot be opened: [where, the transport's reason]. */
    public static final String OPEN_FAILED = "open_failed";
    /** A command went unanswered: [where, command, ms]. */
    public static final String NO_ANSWER = "no_answer";
    /** A continuous-output scale sent nothing: [where, ms]. */
    public static final String NO_FRAME = "no_frame";
    /** Only part of a frame came: [where, ms, the part received]. */
    public static final String PARTIAL_FRAME = "partial_frame";
    /** What came cannot be read: [where, what came]. */
    public static final String UNREADABLE = "unreadable";
    /** The connection broke: [where]. */
    public static final String CONNECTION_LOST = "connection_lost";
    /** The plugin failed unexpectedly: [where, error]. */
    public static final String INTERNAL_ERROR = "internal_error";
    /** The scale does not understand the command (MT-SICS ES): [where, command]. */
    public static final String NOT_UNDERSTOOD = "not_understood";
    /** The scale received the command garbled (MT-SICS ET): [where, command]. */
    public static final String GARBLED = "garbled";
    /** An answer that does not fit the command: [where, command, answer]. */
    public static final String UNEXPECTED_ANSWER = "unexpected_answer";
    /** Online, the scale cannot execute the command now (MT-SICS EL): [command]. */
    public static final String CANNOT_EXECUTE = "cannot_execute";
    /** Online, overload: []. */
    public static final String OVERLOAD = "overload";
    /** Online, underload: []. */
    public static final String UNDERLOAD = "underload";
    /** Online, the weight is still moving: []. */
    public static final String NOT_STABLE = "not_stable";
    /** Online, no stable weight within the scale's own time: []. */
    public static final String NO_STABLE_WEIGHT = "no_stable_weight";
    /** Online, busy, no weight now: []. */
    public static final String BUSY_NO_WEIGHT = "busy_no_weight";

    public DeviceStatus {
        params = params == null ? List.of() : params.stream().map(p -> p == null ? "" : p).toList();
    }

    /** The 1.0 form: a state and a detail, no code. */
    public DeviceStatus(State state, String detail) {
        this(state, detail, null, List.of());
    }

    /** True when the state is ONLINE. */
    public boolean isOnline() {
        return state == State.ONLINE;
    }

    /** Reachable and answering, nothing to add. */
    public static DeviceStatus online() {
        return new DeviceStatus(State.ONLINE, "");
    }

    /** Reachable and answering, with a note for the operator (e.g. "overload: take the load off"). */
    public static DeviceStatus online(String detail) {
        return new DeviceStatus(State.ONLINE, detail == null ? "" : detail);
    }

    /** As {@link #online(String)}, with the note as a code and its params. Since 1.1. */
    public static DeviceStatus online(String detail, String code, Object... params) {
        return new DeviceStatus(State.ONLINE, detail == null ? "" : detail, code, strings(params));
    }

    /** Not usable: unreachable, silent or answering nonsense; {@code detail} says which and where. */
    public static DeviceStatus offline(String detail) {
        return new DeviceStatus(State.OFFLINE, detail);
    }

    /** As {@link #offline(String)}, with why as a code and its params. Since 1.1. */
    public static DeviceStatus offline(String detail, String code, Object... params) {
        return new DeviceStatus(State.OFFLINE, detail, code, strings(params));
    }

    private static List<String> strings(Object... values) {
        return values == null ? List.of() : java.util.Arrays.stream(values).map(v -> v == null ? "" : String.valueOf(v))
                .toList();
    }
}
