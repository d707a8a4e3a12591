package io.waybill.carrier.pool.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S10Test {

    /**
     * Check digits worked out by hand with weights 8 6 4 2 3 5 9 7, C = 11 - (S mod 11), 10 -> 0, 11 -> 5.
     */
    @ParameterizedTest(name = "serial {0} -> check digit {1}")
    @CsvSource({
            // The example published with the standard's description (Wikipedia "S10 (UPU standard)"):
            // S = 4*8 + 7*6 + 3*4 + 1*2 + 2*3 + 4*5 + 8*9 + 2*7 = 32+42+12+2+6+20+72+14 = 200,
            // 200 mod 11 = 2, C = 11 - 2 = 9. (Not 4: the published worked example gives 9.)
            "47312482, 9",
            // RR123456785CN: S = 8+12+12+8+15+30+63+56 = 204, 204 mod 11 = 6, C = 5
            "12345678, 5",
            // S = 64+42+24+10+12+15+18+7 = 192, 192 mod 11 = 5, C = 6
            "87654321, 6",
            // S = 9 * 44 = 396, 396 mod 11 = 0, C = 11 -> 5
            "99999999, 5",
            // S = 44, 44 mod 11 = 0, C = 11 -> 5
            "11111111, 5",
            // S = 0, C = 11 -> 5
            "00000000, 5",
            // S = 8*7 = 56, 56 mod 11 = 1, C = 10 -> 0
            "00000008, 0",
            // S = 4*9 + 2*7 = 50, 50 mod 11 = 6, C = 5
            "00000042, 5",
            // S = 1*8 = 8, C = 3
            "10000000, 3",
            // S = 8 + 7 = 15, 15 mod 11 = 4, C = 7
            "10000001, 7",
            // S = 8 + 27 + 45 + 81 + 63 = 224, 224 mod 11 = 4, C = 7
            "10009999, 7",
    })
    void checkDigitMatchesHandWorkedExamples(String serial, int expected) {
        // given a serial
        // when
        int fromText = S10.checkDigit(serial);
        int fromNumber = S10.checkDigit(Integer.parseInt(serial));
        // then
        assertEquals(expected, fromText);
        assertEquals(expected, fromNumber);
    }

    @Test
    void checkDigitAgreesWithTheSpecFormulaOnManySerials() {
        // given a straightforward transcription of the standard, and 200 000 random serials plus the edges
        SplittableRandom random = new SplittableRandom(10);
        for (int i = 0; i < 200_000; i++) {
            int serial = i < 2 ? (i == 0 ? 0 : S10.MAX_SERIAL) : random.nextInt(S10.MAX_SERIAL + 1);
            // when / then
            assertEquals(reference(serial), S10.checkDigit(serial), "serial " + serial);
        }
    }

    @Test
    void exactlyOneCheckDigitMakesANumberValid() {
        // given a serial
        for (String serial : new String[]{"47312482", "12345678", "00000000", "00000008", "99999999"}) {
            int valid = 0;
            for (char check = '0'; check <= '9'; check++) {
                // when
                if (S10.isValid("RR" + serial + check + "CN")) {
                    valid++;
                }
            }
            // then
            assertEquals(1, valid, serial);
        }
    }

    @Test
    void formatPadsTheSerialAndAppendsCheckDigitAndCountry() {
        // given / when / then
        assertEquals("RR123456785CN", S10.format("RR", 12345678, "CN"));
        assertEquals("CP000000425DE", S10.format("CP", 42, "DE"));
        assertEquals("EE473124829GB", S10.format("EE", 47312482, "GB"));
        assertEquals("LX000000080US", S10.format("LX", 8, "US"));
    }

    @Test
    void parseSplitsAValidNumber() {
        // given
        String text = "RR123456785CN";
        // when
        S10Number number = S10.parse(text);
        // then
        assertEquals("RR", number.serviceIndicator());
        assertEquals(12345678, number.serial());
        assertEquals(5, number.checkDigit());
        assertEquals("CN", number.countryCode());
        assertEquals(text, number.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rr123456785cn", "RR 123 456 785 CN", " RR123456785CN\n", "Rr123456785Cn"})
    void parseIgnoresSpacesAndCase(String text) {
        // given text as printed under a barcode or typed by a person
        // when
        S10Number number = S10.parse(text);
        // then
        assertEquals("RR123456785CN", number.toString());
    }

    @Test
    void formatThenParseRoundTrips() {
        // given
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            int serial = random.nextInt(S10.MAX_SERIAL + 1);
            // when
            String text = S10.format("CP", serial, "FR");
            // then
            assertEquals(new S10Number("CP", serial, "FR"), S10.parse(text));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "RR12345678CN, WRONG_LENGTH",      // 12 characters
            "RR1234567855CN, WRONG_LENGTH",    // 14 characters
            "'', WRONG_LENGTH",
            "'   ', WRONG_LENGTH",
            "R1123456785CN, BAD_PREFIX",       // digit in the service indicator
            "1R123456785CN, BAD_PREFIX",
            "RÉ123456785CN, BAD_PREFIX",       // letter outside A-Z
            "RR12345X785CN, NON_DIGIT_SERIAL",
            "RR-23456785CN, NON_DIGIT_SERIAL",
            "RR１２345678 5CN, NON_DIGIT_SERIAL", // full-width digits are not ASCII digits
            "RR12345678XCN, BAD_CHECK_DIGIT",  // check digit not a digit
            "RR123456784CN, BAD_CHECK_DIGIT",  // 12345678 needs 5
            "EE473124824GB, BAD_CHECK_DIGIT",  // 47312482 needs 9, not 4
            "RR123456785XX, BAD_COUNTRY",      // XX is not assigned
            "RR123456785C1, BAD_COUNTRY",
            "RR1234567851N, BAD_COUNTRY",
    })
    void parseSaysWhatIsWrong(String text, S10Exception.Reason reason) {
        // given an invalid number
        // when
        S10Exception e = assertThrows(S10Exception.class, () -> S10.parse(text));
        // then
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("is not a UPU S10 number"), e.getMessage());
        assertFalse(S10.isValid(text));
    }

    @Test
    void parseOfNullIsAWrongLength() {
        // given / when
        S10Exception e = assertThrows(S10Exception.class, () -> S10.parse(null));
        // then
        assertEquals(S10Exception.Reason.WRONG_LENGTH, e.reason());
    }

    @Test
    void messagesNameTheWrongPart() {
        // given / when / then
        assertTrue(message("RR12345678CN").contains("12 characters without spaces, expected 13"));
        assertTrue(message("R1123456785CN").contains("service indicator 'R1'"));
        assertTrue(message("RR12345X785CN").contains("serial number '12345X78'"));
        assertTrue(message("RR123456784CN").contains("check digit is 4 but serial 12345678 needs 5"));
        assertTrue(message("RR123456785XX").contains("country 'XX'"));
    }

    @Test
    void aStructuralErrorIsReportedBeforeAWrongCheckDigit() {
        // given a number with a bad country and a bad check digit
        // when
        S10Exception e = assertThrows(S10Exception.class, () -> S10.parse("RR123456784XX"));
        // then the country is reported: a wrong check digit on a malformed number says little
        assertEquals(S10Exception.Reason.BAD_COUNTRY, e.reason());
    }

    @Test
    void formatRejectsInvalidParts() {
        // given / when / then
        assertEquals(S10Exception.Reason.BAD_PREFIX,
                assertThrows(S10Exception.class, () -> S10.format("rr", 1, "CN")).reason());
        assertEquals(S10Exception.Reason.BAD_PREFIX,
                assertThrows(S10Exception.class, () -> S10.format("RRR", 1, "CN")).reason());
        assertEquals(S10Exception.Reason.BAD_PREFIX,
                assertThrows(S10Exception.class, () -> S10.format(null, 1, "CN")).reason());
        assertEquals(S10Exception.Reason.NON_DIGIT_SERIAL,
                assertThrows(S10Exception.class, () -> S10.format("RR", -1, "CN")).reason());
        assertEquals(S10Exception.Reason.NON_DIGIT_SERIAL,
                assertThrows(S10Exception.class, () -> S10.format("RR", 100_000_000, "CN")).reason());
        assertEquals(S10Exception.Reason.BAD_COUNTRY,
                assertThrows(S10Exception.class, () -> S10.format("RR", 1, "cn")).reason());
        assertEquals(S10Exception.Reason.BAD_COUNTRY,
                assertThrows(S10Exception.class, () -> S10.format("RR", 1, "XX")).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123456789", "1234567a", ""})
    void checkDigitOfTextNeedsExactlyEightDigits(String serial) {
        // given / when / then
        assertEquals(S10Exception.Reason.NON_DIGIT_SERIAL,
                assertThrows(S10Exception.class, () -> S10.checkDigit(serial)).reason());
    }

    private static String message(String text) {
        return assertThrows(S10Exception.class, () -> S10.parse(text)).getMessage();
    }

    /** The standard's recipe, written out independently of {@link S10}. */
    private static int reference(int serial) {
        String digits = String.format("%08d", serial);
        int[] weights = {8, 6, 4, 2, 3, 5, 9, 7};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 0 : c == 11 ? 5 : c;
    }
}
