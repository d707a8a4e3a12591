package io.waybill.core.model;

import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one way Waybill shows a weight, on screen, in the shell and on labels: kilograms with exactly three decimals,
 * {@code "0.800 kg"}, {@code "2.470 kg"}, {@code "12.000 kg"}. One unit for every weight (no "800 g" next to
 * "2.47 kg"), gram precision, and the decimal points line up in a right-aligned column. No digit grouping. Since 1.9.
 */
public final class Weights {

    private Weights() {
    }

    /** The weight in the language's decimal separator ({@code "0,800 kg"} in German); {@code "0.800 kg"} in English and Chinese. */
    public static String format(int grams, Locale locale) {
        // by hand rather than a DecimalFormat per call: labels print thousands of weights a batch
        char separator = DecimalFormatSymbols.getInstance(locale == null ? Locale.ROOT : locale)
                .getDecimalSeparator();
        long magnitude = Math.abs((long) grams);
        long fraction = magnitude % 1000;
        return (grams < 0 ? "-" : "") + magnitude / 1000 + separator + (fraction < 100 ? "0" : "")
                + (fraction < 10 ? "0" : "") + fraction + " kg";
    }

    /** The weight with a decimal point, for the shell and labels: {@code "0.800 kg"}. */
    public static String format(int grams) {
        return format(grams, Locale.ROOT);
    }
}
