package io.waybill.ui.internal.views;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScanInputTest {

    private static final ScanInput.Settings NONE = ScanInput.Settings.NONE;

    @Test
    void plainScanIsTrimmedOfWhiteSpaceAndControlCharacters() {
        assertEquals("PK000123", ScanInput.clean("  PK000123\r\n", NONE));
        assertEquals("PK000123", ScanInput.clean("\u0002PK000123\u0003", NONE));
        assertEquals("", ScanInput.clean("   ", NONE));
        assertEquals("", ScanInput.clean(null, NONE));
        assertEquals("PK1", ScanInput.clean("PK1", null));
    }

    @Test
    void configuredPrefixAndSuffixAreRemoved() {
        ScanInput.Settings aim = new ScanInput.Settings("]C1", "#");
        assertEquals("RR123456785CN", ScanInput.clean("]C1RR123456785CN#", aim));
        // only where they are: a scan without them is left alone
        assertEquals("RR123456785CN", ScanInput.clean("RR123456785CN", aim));
        // the prefix is removed once, not wherever it occurs
        assertEquals("AB]C1CD", ScanInput.clean("]C1AB]C1CD", aim));
        // a suffix in the middle stays
        assertEquals("A#B", ScanInput.clean("A#B", aim));
    }

    @Test
    void escapedInvisibleCharactersInTheSettingsWork() {
        ScanInput.Settings stx = new ScanInput.Settings("\\u0002X", "\\t");
        assertEquals("PK7", ScanInput.clean("\u0002XPK7\t", stx));
        assertEquals("\u0002X", ScanInput.unescape("\\u0002X"));
        assertEquals("a\tb\r\n\\", ScanInput.unescape("a\\tb\\r\\n\\\\"));
        // incomplete escapes stay as typed
        assertEquals("\\u12", ScanInput.unescape("\\u12"));
        assertEquals("\\q", ScanInput.unescape("\\q"));
        assertEquals("", ScanInput.unescape(null));
    }

    @Test
    void prefixWithSurroundingSpacesStillMatches() {
        ScanInput.Settings spaced = new ScanInput.Settings(" >", "< ");
        assertEquals("PK9", ScanInput.clean(">PK9<", spaced));
        assertEquals("PK9", ScanInput.clean(" > PK9 < ", spaced));
    }
}
