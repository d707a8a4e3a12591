package io.waybill.carrier.pool.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialRangeTest {

    @Test
    void parsesARange() {
        // given
        String spec = "RR10000000-10009999CN";
        // when
        SerialRange range = SerialRange.parse(spec);
        // then
        assertEquals(new SerialRange("RR", 10_000_000, 10_009_999, "CN"), range);
        assertEquals(10_000, range.size());
        assertEquals(spec, range.toString());
        assertEquals("RR100000003CN", range.number(10_000_000).toString());
        assertEquals("RR100099997CN", range.number(10_009_999).toString());
    }

    @Test
    void acceptsSpacesLowerCaseAndASingleNumberRange() {
        // given / when / then
        assertEquals(new SerialRange("CP", 0, 0, "DE"), SerialRange.parse(" cp00000000 - 00000000de "));
        assertEquals(1, SerialRange.parse("CP00000000-00000000DE").size());
        assertEquals(100_000_000L, SerialRange.parse("EE00000000-99999999GB").size());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'', SYNTAX",
            "RR10000000CN, SYNTAX",                  // no dash
            "RR10000000-10009999-CN, SYNTAX",        // two dashes
            "RR1000000-10009999CN, SYNTAX",          // seven-digit first serial
            "RR100000003-100099997CN, SYNTAX",       // with check digits
            "RR10000000-10009999, SYNTAX",           // no country
            "R110000000-10009999CN, BAD_PREFIX",
            "ÀR10000000-10009999CN, BAD_PREFIX",
            "RR1000000X-10009999CN, NON_DIGIT_SERIAL",
            "RR10000000-1000999XCN, NON_DIGIT_SERIAL",
            "RR10000000-10009999XX, BAD_COUNTRY",
            "RR10000000-10009999C1, BAD_COUNTRY",
            "RR10009999-10000000CN, START_AFTER_END",
    })
    void rejectsAnInvalidRangeWithAReason(String spec, RangeException.Reason reason) {
        // given an invalid range
        // when
        RangeException e = assertThrows(RangeException.class, () -> SerialRange.parse(spec));
        // then
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("range '"), e.getMessage());
    }

    @Test
    void syntaxErrorShowsTheExpectedShape() {
        // given / when
        RangeException e = assertThrows(RangeException.class, () -> SerialRange.parse("RR1-2CN"));
        // then
        assertEquals("range 'RR1-2CN': expected 2-letter service indicator, 8-digit first serial, '-', "
                + "8-digit last serial, 2-letter country, e.g. RR10000000-10009999CN", e.getMessage());
    }

    @Test
    void parseAllSplitsEntriesOnCommasSemicolonsAndLineBreaks() {
        // given a multi-valued setting whose entries may hold several ranges
        String[] entries = {"RR10000000-10000009CN, RR20000000-20000009CN", "", "CP00000001-00000005DE;\nLX00000000-00000000US", null};
        // when
        List<SerialRange> ranges = SerialRange.parseAll(entries);
        // then
        assertEquals(List.of(
                new SerialRange("RR", 10_000_000, 10_000_009, "CN"),
                new SerialRange("RR", 20_000_000, 20_000_009, "CN"),
                new SerialRange("CP", 1, 5, "DE"),
                new SerialRange("LX", 0, 0, "US")), ranges);
    }

    @Test
    void parseAllOfNothingIsEmpty() {
        // given / when / then
        assertTrue(SerialRange.parseAll(null).isEmpty());
        assertTrue(SerialRange.parseAll(new String[0]).isEmpty());
        assertTrue(SerialRange.parseAll(new String[]{" ", ",,"}).isEmpty());
    }

    @Test
    void parseAllRejectsOverlappingRanges() {
        // given two ranges sharing RR10000005..RR10000009 in CN
        String[] entries = {"RR10000000-10000009CN", "RR10000005-10000020CN"};
        // when
        RangeException e = assertThrows(RangeException.class, () -> SerialRange.parseAll(entries));
        // then
        assertEquals(RangeException.Reason.OVERLAP, e.reason());
        assertTrue(e.getMessage().contains("shares numbers with range RR10000000-10000009CN"), e.getMessage());
    }

    @Test
    void parseAllRejectsARangeListedTwice() {
        // given / when
        RangeException e = assertThrows(RangeException.class,
                () -> SerialRange.parseAll(new String[]{"RR10000000-10000009CN,rr10000000-10000009cn"}));
        // then
        assertEquals(RangeException.Reason.OVERLAP, e.reason());
    }

    @Test
    void parseAllReportsTheFirstBadRange() {
        // given / when
        RangeException e = assertThrows(RangeException.class,
                () -> SerialRange.parseAll(new String[]{"RR10000000-10000009CN", "RR1-2CN"}));
        // then
        assertEquals(RangeException.Reason.SYNTAX, e.reason());
    }

    @Test
    void sameSerialsUnderAnotherServiceOrCountryDoNotOverlap() {
        // given
        SerialRange rr = SerialRange.parse("RR10000000-10000009CN");
        // when / then
        assertFalse(rr.overlaps(SerialRange.parse("RB10000000-10000009CN")));
        assertFalse(rr.overlaps(SerialRange.parse("RR10000000-10000009DE")));
        assertFalse(rr.overlaps(SerialRange.parse("RR10000010-10000019CN")));
        assertTrue(rr.overlaps(SerialRange.parse("RR10000009-10000019CN")));
        assertTrue(rr.overlaps(SerialRange.parse("RR09999999-10000000CN")));
    }

    @Test
    void numberOutsideTheRangeIsRefused() {
        // given
        SerialRange range = SerialRange.parse("RR10000000-10000009CN");
        // when / then
        assertThrows(IllegalArgumentException.class, () -> range.number(10_000_010));
        assertThrows(IllegalArgumentException.class, () -> range.number(9_999_999));
    }
}
