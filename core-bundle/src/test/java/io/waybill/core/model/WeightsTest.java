package io.waybill.core.model;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one weight format (issue 13 item 10): kilograms with exactly three decimals, everywhere. */
class WeightsTest {

    @Test
    void kilogramsWithThreeDecimalsForEveryWeight() {
        assertEquals("0.000 kg", Weights.format(0));
        assertEquals("0.005 kg", Weights.format(5));
        assertEquals("0.800 kg", Weights.format(800));
        assertEquals("0.999 kg", Weights.format(999));
        assertEquals("1.000 kg", Weights.format(1000));
        assertEquals("1.234 kg", Weights.format(1234));
        assertEquals("2.470 kg", Weights.format(2470));
        assertEquals("70.000 kg", Weights.format(70_000));
        assertEquals("12500.500 kg", Weights.format(12_500_500), "no digit grouping");
        assertEquals("-1.200 kg", Weights.format(-1200));
        assertEquals("-0.005 kg", Weights.format(-5));
        assertEquals("0.050 kg", Weights.format(50));
        assertEquals("2147483.647 kg", Weights.format(Integer.MAX_VALUE));
        assertEquals("-2147483.648 kg", Weights.format(Integer.MIN_VALUE));
    }

    @Test
    void theShellAndLabelsUseADecimalPointWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("0.800 kg", Weights.format(800));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void onScreenTheDecimalSeparatorIsTheLanguage() {
        assertEquals("0.800 kg", Weights.format(800, Locale.ENGLISH));
        assertEquals("0.800 kg", Weights.format(800, Locale.SIMPLIFIED_CHINESE));
        assertEquals("0,800 kg", Weights.format(800, Locale.GERMANY));
        assertEquals("0.800 kg", Weights.format(800, null));
    }
}
