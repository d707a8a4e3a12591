package io.waybill.ui.internal.views;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {

    @Test
    void gramsBelowOneKilogram() {
        assertEquals("0 g", Formats.weight(0, Locale.ENGLISH));
        assertEquals("850 g", Formats.weight(850, Locale.ENGLISH));
        assertEquals("999 g", Formats.weight(999, Locale.ENGLISH));
    }

    @Test
    void kilogramsFromOneKilogramWithoutTrailingZeros() {
        assertEquals("1 kg", Formats.weight(1000, Locale.ENGLISH));
        assertEquals("1.25 kg", Formats.weight(1250, Locale.ENGLISH));
        assertEquals("1.234 kg", Formats.weight(1234, Locale.ENGLISH));
        assertEquals("12,500.5 kg", Formats.weight(12_500_500, Locale.ENGLISH));
    }

    @Test
    void decimalSeparatorFollowsLocale() {
        assertEquals("1,25 kg", Formats.weight(1250, Locale.GERMANY));
        assertEquals("1.25 kg", Formats.weight(1250, Locale.SIMPLIFIED_CHINESE));
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
