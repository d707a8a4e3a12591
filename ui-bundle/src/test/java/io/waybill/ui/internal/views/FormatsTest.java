package io.waybill.ui.internal.views;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {

    @Test
    void everyWeightInKilogramsWithThreeDecimals() {
        // one unit for every weight: no "800 g" next to "2.47 kg" (issue 13 item 10)
        assertEquals("0.000 kg", Formats.weight(0, Locale.ENGLISH));
        assertEquals("0.001 kg", Formats.weight(1, Locale.ENGLISH));
        assertEquals("0.800 kg", Formats.weight(800, Locale.ENGLISH));
        assertEquals("0.999 kg", Formats.weight(999, Locale.ENGLISH));
        assertEquals("1.000 kg", Formats.weight(1000, Locale.ENGLISH));
        assertEquals("2.470 kg", Formats.weight(2470, Locale.ENGLISH));
        assertEquals("70.000 kg", Formats.weight(70_000, Locale.ENGLISH));
        assertEquals("12500.500 kg", Formats.weight(12_500_500, Locale.ENGLISH));
        assertEquals("-0.035 kg", Formats.weight(-35, Locale.ENGLISH));
    }

    @Test
    void largeCountsAreRoundedForAnEstimate() {
        // issue 15: "About 1.2 M packages" / "约 120 万 个包裹"
        assertEquals("1.2 M", Formats.about(1_234_567, Locale.ENGLISH));
        assertEquals("1 M", Formats.about(1_000_000, Locale.ENGLISH));
        assertEquals("250 K", Formats.about(250_400, Locale.ENGLISH));
        assertEquals("999", Formats.about(999, Locale.ENGLISH));
        assertEquals("123 万", Formats.about(1_234_567, Locale.SIMPLIFIED_CHINESE));
        assertEquals("25 万", Formats.about(250_400, Locale.SIMPLIFIED_CHINESE));
        assertEquals("1.5 亿", Formats.about(150_000_000, Locale.SIMPLIFIED_CHINESE));
        assertEquals("9,999", Formats.about(9_999, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void sameInChineseAndTheDecimalSeparatorFollowsTheLanguage() {
        assertEquals("0.800 kg", Formats.weight(800, Locale.SIMPLIFIED_CHINESE));
        assertEquals("1.250 kg", Formats.weight(1250, Locale.SIMPLIFIED_CHINESE));
        assertEquals("1,250 kg", Formats.weight(1250, Locale.GERMANY));
    }

    @Test
    void countryShowsCodeAndLocalName() {
        assertEquals("DE · Germany", Formats.country("DE", Locale.ENGLISH));
        assertEquals("DE · 德国", Formats.country("DE", Locale.SIMPLIFIED_CHINESE));
        assertEquals("", Formats.country(null, Locale.ENGLISH));
    }

    @Test
    void storeNamesThePlatformOnce() {
        assertEquals("ACME Outlet · ebay", Formats.store("ACME Outlet", "ebay"));
        assertEquals("ACME Global (Shopify)", Formats.store("ACME Global (Shopify)", "shopify"));
        assertEquals("manual", Formats.store(null, "manual"));
    }

    @Test
    void dateTimeIsCompactAndInTheGivenZone() {
        java.time.Instant at = java.time.Instant.parse("2026-11-25T06:05:00Z");
        assertEquals("2026-11-25 14:05", Formats.dateTime(at, java.time.ZoneId.of("Asia/Shanghai")));
        assertEquals("", Formats.dateTime(null, java.time.ZoneId.of("UTC")));
    }
}
