package io.waybill.device.continuous.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one frame of a continuous-output scale (CR LF removed) into a {@link ContinuousFrame}. The common
 * format is {@code ST,GS,+0001.234kg}: status {@code ST} stable / {@code US} unstable / {@code OL} overload, then
 * {@code GS} gross or {@code NT} net, then the signed weight and the unit (kg, g, lb; spaces allowed). No I/O.
 */
final class ContinuousFrameParser {

    static final Map<String, BigDecimal> GRAMS_PER_UNIT = Map.of(
            "g", BigDecimal.ONE,
            "kg", BigDecimal.valueOf(1000),
            "lb", new BigDecimal("453.59237"),
            "oz", new BigDecimal("28.349523125"));

    private static final Pattern FRAME = Pattern.compile(
            "(ST|US|OL),(GS|NT),(.*)");
    private static final Pattern WEIGHT = Pattern.compile(
            " *([+-]?) *([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+) *([A-Za-z]{1,2}) *");
    private static final int MAX_FRAME = 64;

    private ContinuousFrameParser() {
    }

    static ContinuousFrame parse(String line) {
        if (line == null || line.isEmpty()) {
            return ContinuousFrame.unreadable("", "empty frame");
        }
        String raw = printable(line);
        if (line.length() > MAX_FRAME) {
            return ContinuousFrame.unreadable(raw, "frame longer than " + MAX_FRAME + " characters");
        }
        Matcher f = FRAME.matcher(line.trim());
        if (!f.matches()) {
            return ContinuousFrame.unreadable(raw, "not a ST/US/OL,GS/NT frame");
        }
        boolean net = f.group(2).equals("NT");
        if (f.group(1).equals("OL")) {
            return new ContinuousFrame(ContinuousFrame.State.OVERLOAD, net, null, raw, "");
        }
        Matcher w = WEIGHT.matcher(f.group(3));
        if (!w.matches()) {
            return ContinuousFrame.unreadable(raw, "weight '" + f.group(3) + "' is not a signed number with a unit");
        }
        BigDecimal factor = GRAMS_PER_UNIT.get(w.group(3).toLowerCase(Locale.ROOT));
        if (factor == null) {
            return ContinuousFrame.unreadable(raw, "unit '" + w.group(3) + "' is not supported; set the scale to g, kg or lb");
        }
        BigDecimal value = new BigDecimal(w.group(2));
        if (w.group(1).equals("-")) {
            value = value.negate();
        }
        BigDecimal grams = value.multiply(factor).setScale(0, RoundingMode.HALF_UP);
        if (grams.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return ContinuousFrame.unreadable(raw, "weight out of range");
        }
        ContinuousFrame.State state = f.group(1).equals("ST")
                ? ContinuousFrame.State.STABLE : ContinuousFrame.State.UNSTABLE;
        return new ContinuousFrame(state, net, grams.intValueExact(), raw, "");
    }

    /** The text with control and non-ASCII characters as {@code \xNN}, for messages. */
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
