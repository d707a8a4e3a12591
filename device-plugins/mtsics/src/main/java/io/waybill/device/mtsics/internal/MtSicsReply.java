package io.waybill.device.mtsics.internal;

import java.math.BigDecimal;

/**
 * One MT-SICS response line, parsed.
 *
 * @param command the command identifier the line answers ({@code S}, {@code Z}, {@code T}...), empty for the
 *                general errors ES/ET/EL and for unreadable lines
 * @param kind    what the scale said
 * @param value   the weight as sent, or {@code null}
 * @param unit    the unit as sent, or {@code null}
 * @param grams   the weight in whole grams (rounded half up), or {@code null}
 * @param raw     the line as received (without CR LF), for messages
 * @param problem why the line is {@link Kind#UNREADABLE}, else empty
 */
record MtSicsReply(String command, Kind kind, BigDecimal value, String unit, Integer grams, String raw,
                   String problem) {

    /** What an MT-SICS line means. */
    enum Kind {
        /** {@code S S <value> <unit>}, {@code T S ...}: a stable weight. */
        STABLE_WEIGHT,
        /** {@code S D <value> <unit>}: a weight still moving (answer to SI). */
        DYNAMIC_WEIGHT,
        /** {@code Z A}: command executed. */
        EXECUTED,
        /** {@code S I}, {@code Z I}, {@code T I}: not executable now (busy, no stable weight in time). */
        NOT_EXECUTABLE,
        /** {@code S +}, {@code Z +}, {@code T +}: overload / above the allowed range. */
        ABOVE_RANGE,
        /** {@code S -}, {@code Z -}, {@code T -}: underload / below the allowed range. */
        BELOW_RANGE,
        /** {@code ES}: the scale did not understand the command. */
        SYNTAX_ERROR,
        /** {@code ET}: the scale received garbled characters (parity, baud rate). */
        TRANSMISSION_ERROR,
        /** {@code EL}: the command is understood but cannot be executed. */
        LOGICAL_ERROR,
        /** Not an MT-SICS line, or a unit Waybill does not convert. */
        UNREADABLE
    }

    static MtSicsReply of(String command, Kind kind, String raw) {
        return new MtSicsReply(command, kind, null, null, null, raw, "");
    }

    static MtSicsReply unreadable(String raw, String problem) {
        return new MtSicsReply("", Kind.UNREADABLE, null, null, null, raw, problem);
    }

    /** True for ES, ET and EL, which answer any command. */
    boolean isGeneralError() {
        return kind == Kind.SYNTAX_ERROR || kind == Kind.TRANSMISSION_ERROR || kind == Kind.LOGICAL_ERROR;
    }

    /** True when this line can be the answer to {@code sentCommand} (its identifier, or a general error). */
    boolean answers(String sentCommand) {
        if (isGeneralError() || kind == Kind.UNREADABLE) {
            return true;
        }
        // SI is answered with the identifier S
        String expected = sentCommand.equals("SI") ? "S" : sentCommand;
        return command.equals(expected);
    }
}
