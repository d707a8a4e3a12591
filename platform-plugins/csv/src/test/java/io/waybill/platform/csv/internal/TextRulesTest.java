package io.waybill.platform.csv.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-05-01                 | 2024-04-30T16:00:00Z",
            "2024/05/01                 | 2024-04-30T16:00:00Z",
            "2024/5/1                   | 2024-04-30T16:00:00Z",
            "2024-05-01 14:30           | 2024-05-01T06:30:00Z",
            "2024-05-01 14:30:15        | 2024-05-01T06:30:15Z",
            "2024/5/1 9:05              | 2024-05-01T01:05:00Z",
            "2024-05-01T14:30           | 2024-05-01T06:30:00Z",
            "2024-05-01T14:30:15.250    | 2024-05-01T06:30:15.250Z",
            "2024-05-01T14:30:15Z       | 2024-05-01T14:30:15Z",
            "2024-05-01T14:30:15+02:00  | 2024-05-01T12:30:15Z",
            "2024-05-01T14:30:15-0500   | 2024-05-01T19:30:15Z",
            "2024-05-01 14:30:15 +08:00 | 2024-05-01T06:30:15Z",
    })
    void readsDatesAndDateTimes(String text, String expected) {
        // given a zone for values without offset
        // when
        Instant instant = TextRules.instant(text, SHANGHAI);
        // then
        assertEquals(Instant.parse(expected), instant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"05/01/2024", "01.05.2024", "2024-02-30", "2024-13-01", "2024-05-01 25:00",
            "2024-05-01Z", "45413", "yesterday", "2024-05-01 14:30 CST", "２０２４-05-01", ""})
    void refusesOtherDates(String text) {
        // given / when / then
        assertNull(TextRules.instant(text, ZoneOffset.UTC));
    }

    @Test
    void quantitiesArePositiveWholeNumbers() {
        // given / when / then
        assertEquals(1, TextRules.positiveInt("1"));
        assertEquals(12, TextRules.positiveInt("012"));
        assertEquals(999_999_999, TextRules.positiveInt("999999999"));
        for (String bad : new String[]{"0", "-2", "+2", "1.5", "2.0", "1e3", "abc", "", "1 000", "9999999999", "３"}) {
            assertNull(TextRules.positiveInt(bad), bad);
        }
    }

    @Test
    void flagsReadYesAndNo() {
        // given / when / then
        for (String yes : new String[]{"true", "TRUE", "yes", "Y", "1", "是"}) {
            assertEquals(Boolean.TRUE, TextRules.flag(yes), yes);
        }
        for (String no : new String[]{"", "false", "No", "n", "0", "否"}) {
            assertEquals(Boolean.FALSE, TextRules.flag(no), no);
        }
        assertNull(TextRules.flag("maybe"));
    }

    @Test
    void countriesAreIsoAlpha2() {
        // given / when / then
        assertEquals("CN", TextRules.country("cn"));
        assertEquals("GB", TextRules.country("GB"));
        assertEquals("XK", TextRules.country("XK"));
        assertNull(TextRules.country("UK"));
        assertNull(TextRules.country("CHN"));
        assertNull(TextRules.country("China"));
    }

    @Test
    void stripRemovesOnlySurroundingWhitespaceOfAnyKind() {
        // given ideographic space, no-break space, tab and line breaks around; spaces inside
        String value = "\u3000 \tZoe\u0308  O\u2019Brien\u00a0\r\n";
        // when
        String stripped = TextRules.strip(value);
        // then the inside is untouched, including the decomposed e + combining diaeresis
        assertEquals("Zoe\u0308  O\u2019Brien", stripped);
    }

    @Test
    void refusesControlCharactersAndTheReplacementCharacter() {
        // given / when / then
        assertEquals(-1, TextRules.firstRefusedChar("张伟 Иван محمد 🎁 O'Brien"));
        assertEquals(3, TextRules.firstRefusedChar("Ann\u0007"));
        assertEquals(1, TextRules.firstRefusedChar("a\nb"));
        assertEquals(1, TextRules.firstRefusedChar("a\u0085b"));
        assertEquals(1, TextRules.firstRefusedChar("a\u007Fb"));
        assertEquals(0, TextRules.firstRefusedChar("\uFFFD"));
        assertEquals("U+000A (line break)", TextRules.describeChar('\n'));
        assertEquals("U+0085 (control character)", TextRules.describeChar('\u0085'));
    }
}
