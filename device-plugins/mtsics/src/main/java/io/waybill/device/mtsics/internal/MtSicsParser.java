package io.waybill.device.mtsics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one MT-SICS response line (CR LF already removed) into an {@link MtSicsReply}: weight replies
 * ({@code S S 100.00 g}, {@code S D}, {@code T S}), status replies ({@code Z A}, {@code S I}, {@code S +},
 * {@code S -}), identification replies with quoted text ({@code I4 A "0123456789"}) and the general errors
 * {@code ES}, {@code ET}, {@code EL}. Converts g, kg, mg, lb and oz to grams.
 * No I/O here.
 */
final class MtSicsParser {

    /** Grams per unit, for the units a packing scale is set to. */
    static final Map<String, BigDecimal> GRAMS_PER_UNIT = Map.of(
            "g", BigDecimal.ONE,
            "kg", BigDecimal.valueOf(1000),
            "mg", new BigDecimal("0.001"),
            "lb", new BigDecimal("453.59237"),
            "oz", new BigDecimal("28.349523125"));

    private static final int MAX_LINE = 120;

    private MtSicsParser() {
    }

    static MtSicsReply parse(String line) {
        if (line == null) {
            return MtSicsReply.unreadable("", "empty line");
        }
        if (line.length() > MAX_LINE) {
            return MtSicsReply.unreadable(printable(line), "line longer than " + MAX_LINE + " characters");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return MtSicsReply.unreadable(printable(line), "control or non-ASCII characters");
            }
        }
        String raw = line;
        String[] t = line.trim().split(" +");
        if (t.length == 0 || t[0].isEmpty()) {
            return MtSicsReply.unreadable(raw, "empty line");
        }
        if (t.length == 1) {
            return switch (t[0]) {
                case "ES" -> MtSicsReply.of("", MtSicsReply.Kind.SYNTAX_ERROR, raw);
                case "ET" -> MtSicsReply.of("", MtSicsReply.Kind.TRANSMISSION_ERROR, raw);
                case "EL" -> MtSicsReply.of("", MtSicsReply.Kind.LOGICAL_ERROR, raw);
                default -> MtSicsReply.unreadable(raw, "not an MT-SICS reply");
            };
        }
        String command = t[0];
        if (!command.matches("[A-Z][A-Z0-9]{0,3}")) {
            return MtSicsReply.unreadable(raw, "not an MT-SICS reply");
        }
        String status = t[1];
        switch (status) {
            case "A", "I", "+", "-" -> {
                if (status.equals("A") && t.length > 2 && command.startsWith("I")
                        && line.trim().split(" +", 3)[2].matches("\"[^\"]*\"( \"[^\"]*\")*")) {
                    // identification replies carry quoted text: I4 A "0123456789"
                    return MtSicsReply.of(command, MtSicsReply.Kind.EXECUTED, raw);
                }
                if (t.length != 2) {
                    return MtSicsReply.unreadable(raw, "unexpected text after status " + status);
                }
                return MtSicsReply.of(command, switch (status) {
                    case "A" -> MtSicsReply.Kind.EXECUTED;
                    case "I" -> MtSicsReply.Kind.NOT_EXECUTABLE;
                    case "+" -> MtSicsReply.Kind.ABOVE_RANGE;
                    default -> MtSicsReply.Kind.BELOW_RANGE;
                }, raw);
            }
            case "S", "D" -> {
                return weight(command, status.equals("S") ? MtSicsReply.Kind.STABLE_WEIGHT
                        : MtSicsReply.Kind.DYNAMIC_WEIGHT, t, raw);
            }
            default -> {
                return MtSicsReply.unreadable(raw, "unknown status '" + status + "'");
            }
        }
    }

    private static MtSicsReply weight(String command, MtSicsReply.Kind kind, String[] t, String raw) {
        // "S S 100.00 g", some balances separate the sign: "S S - 12.30 g"
        String number;
        String unit;
        if (t.length == 4) {
            number = t[2];
            unit = t[3];
        } else if (t.length == 5 && (t[2].equals("-") || t[2].equals("+"))) {
            number = t[2] + t[3];
            unit = t[4];
        } else {
            return MtSicsReply.unreadable(raw, "weight reply without value and unit");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException e) {
            return MtSicsReply.unreadable(raw, "weight '" + number + "' is not a number");
        }
        BigDecimal factor = GRAMS_PER_UNIT.get(unit.toLowerCase(Locale.ROOT));
        if (factor == null) {
            return MtSicsReply.unreadable(raw, "unit '" + unit + "' is not supported; set the scale to g, kg or lb");
        }
        BigDecimal grams = value.multiply(factor).setScale(0, RoundingMode.HALF_UP);
        if (grams.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return MtSicsReply.unreadable(raw, "weight out of range");
        }
        return new MtSicsReply(command, kind, value, unit, grams.intValueExact(), raw, "");
    }

    /** The line with control and non-ASCII characters as {@code \xNN}, for messages. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                b.append(c);
            } else {
                b.append(String.format("\\x%02X", (int) c & 0xff));
            }
        }
        return b.toString();
    }
}
