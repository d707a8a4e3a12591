package io.waybill.ui.internal.views;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weight typed by hand at the scan station, made into grams. Accepted: a number with an optional unit,
 * {@code 800}, {@code 800 g}, {@code 0.8 kg}, {@code 0.8kg}, {@code 1,2 kg} (comma or point as the decimal mark),
 * also {@code 克}, {@code 千克} and {@code 公斤}. A bare number is grams. Refused, each with a reason (a message key
 * and its arguments): not a number, a negative weight, zero, a fraction of a gram, and more than
 * {@value #MAX_GRAMS} g, the heaviest parcel a carrier takes.
 */
public final class WeightInput {

    /** The heaviest parcel accepted by hand, 70 kg (the usual carrier limit for one parcel). */
    public static final int MAX_GRAMS = 70_000;

    private static final Pattern WEIGHT = Pattern.compile(
            "([+-]?)\\s*(\\d{1,12}(?:[.,]\\d{1,6})?|[.,]\\d{1,6})\\s*(g|gr|gram|grams|kg|kgs|kilo|kilos|克|千克|公斤)?\\.?");

    private WeightInput() {
    }

    /** Unit of the typed weight: grams unless kilograms were written. */
    public enum Unit { G, KG }

    /**
     * The outcome: {@code grams} when it is usable, else the reason as a message key with its arguments.
     * {@link #empty()} when nothing was typed.
     */
    public record Result(Integer grams, Unit unit, String errorKey, Object... args) {

        public boolean ok() {
            return grams != null;
        }

        public boolean empty() {
            return grams == null && errorKey == null;
        }
    }

    /** Reads what was typed; never throws. */
    public static Result parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return new Result(null, Unit.G, null);
        }
        Matcher m = WEIGHT.matcher(s);
        if (!m.matches()) {
            return new Result(null, Unit.G, "scan.weightInput.notNumber", text.strip());
        }
        String unitText = m.group(3);
        Unit unit = unitText == null || unitText.equals("g") || unitText.startsWith("gr") || unitText.equals("克")
                ? Unit.G : Unit.KG;
        BigDecimal value = new BigDecimal(m.group(2).replace(',', '.'));
        if ("-".equals(m.group(1)) && value.signum() != 0) {
            return new Result(null, unit, "scan.weightInput.negative");
        }
        BigDecimal grams = unit == Unit.KG ? value.movePointRight(3) : value;
        if (grams.signum() == 0) {
            return new Result(null, unit, "scan.weightInput.zero");
        }
        if (unit == Unit.G && grams.stripTrailingZeros().scale() > 0) {
            return new Result(null, unit, "scan.weightInput.fraction", value.toPlainString());
        }
        BigDecimal whole = grams.setScale(0, RoundingMode.HALF_UP);
        if (whole.signum() == 0) {
            return new Result(null, unit, "scan.weightInput.zero");
        }
        if (whole.compareTo(BigDecimal.valueOf(MAX_GRAMS)) > 0) {
            return new Result(null, unit, "scan.weightInput.tooHeavy", MAX_GRAMS / 1000);
        }
        return new Result(whole.intValueExact(), unit, null);
    }
}
