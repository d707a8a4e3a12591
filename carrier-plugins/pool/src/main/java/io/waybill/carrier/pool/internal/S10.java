package io.waybill.carrier.pool.internal;

import java.util.Locale;
import java.util.Set;

/**
 * UPU S10 item identifiers ({@code RR123456785CN}): two-letter service indicator, eight-digit serial number, check
 * digit, ISO 3166-1 alpha-2 country of the issuing postal operator. Computes and checks the check digit, formats and
 * parses identifiers; every rejection says why through {@link S10Exception.Reason}.
 */
public final class S10 {

    /** Characters in an identifier. */
    public static final int LENGTH = 13;
    /** Largest serial number (eight digits). */
    public static final int MAX_SERIAL = 99_999_999;

    /** Weights of the eight serial digits, left to right (S10 standard, check-digit calculation). */
    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    /** ISO 3166-1 alpha-2 codes as the JDK knows them. */
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private S10() {
    }

    /**
     * Check digit of a serial number: S = sum of digit x weight, C = 11 - (S mod 11), 10 becomes 0, 11 becomes 5.
     *
     * @param serial 0..99999999
     * @return 0..9
     * @throws S10Exception ({@code NON_DIGIT_SERIAL}) if the serial is outside 0..99999999
     */
    public static int checkDigit(int serial) {
        if (serial < 0 || serial > MAX_SERIAL) {
            throw new S10Exception(S10Exception.Reason.NON_DIGIT_SERIAL, String.valueOf(serial),
                    "serial number must be 0..99999999");
        }
        int sum = 0;
        int rest = serial;
        for (int i = WEIGHTS.length - 1; i >= 0; i--) {
            sum += (rest % 10) * WEIGHTS[i];
            rest /= 10;
        }
        int c = 11 - (sum % 11);
        if (c == 10) {
            return 0;
        }
        if (c == 11) {
            return 5;
        }
        return c;
    }

    /**
     * Check digit of an eight-digit serial given as text ({@code "47312482"} -> 9).
     *
     * @throws S10Exception ({@code NON_DIGIT_SERIAL}) unless the text is exactly eight ASCII digits
     */
    public static int checkDigit(String serialDigits) {
        if (serialDigits == null || serialDigits.length() != 8 || !allDigits(serialDigits)) {
            throw new S10Exception(S10Exception.Reason.NON_DIGIT_SERIAL, String.valueOf(serialDigits),
                    "serial number must be exactly eight digits");
        }
        return checkDigit(Integer.parseInt(serialDigits));
    }

    /**
     * Builds the canonical identifier, e.g. {@code format("RR", 12345678, "CN")} is {@code "RR123456785CN"}.
     *
     * @throws S10Exception if the service indicator, serial or country is invalid
     */
    public static String format(String serviceIndicator, int serial, String countryCode) {
        return new S10Number(serviceIndicator, serial, countryCode).toString();
    }

    /**
     * Parses an identifier. Spaces are ignored and ASCII letters may be lower case ({@code "rr 123 456 785 cn"}
     * is accepted), since that is how numbers are printed under barcodes and typed by people.
     *
     * @return the identifier's parts
     * @throws S10Exception saying which part is wrong; checks run in the order length, service indicator, serial,
     *                      check digit character, country, check digit value
     */
    public static S10Number parse(String text) {
        if (text == null) {
            throw new S10Exception(S10Exception.Reason.WRONG_LENGTH, "", "no text given");
        }
        String s = normalize(text);
        if (s.length() != LENGTH) {
            throw new S10Exception(S10Exception.Reason.WRONG_LENGTH, text,
                    s.length() + " characters without spaces, expected " + LENGTH
                            + " (2 letters, 8 digits, check digit, 2-letter country)");
        }
        String prefix = s.substring(0, 2);
        String serial = s.substring(2, 10);
        char check = s.charAt(10);
        String country = s.substring(11, 13);
        if (!isServiceIndicator(prefix)) {
            throw new S10Exception(S10Exception.Reason.BAD_PREFIX, text,
                    "service indicator '" + prefix + "' must be two letters A-Z");
        }
        if (!allDigits(serial)) {
            throw new S10Exception(S10Exception.Reason.NON_DIGIT_SERIAL, text,
                    "serial number '" + serial + "' must be eight digits");
        }
        if (check < '0' || check > '9') {
            throw new S10Exception(S10Exception.Reason.BAD_CHECK_DIGIT, text,
                    "check digit '" + check + "' must be a digit");
        }
        if (!isCountryCode(country)) {
            throw new S10Exception(S10Exception.Reason.BAD_COUNTRY, text,
                    "country '" + country + "' is not an ISO 3166-1 alpha-2 code");
        }
        int number = Integer.parseInt(serial);
        int expected = checkDigit(number);
        if (check - '0' != expected) {
            throw new S10Exception(S10Exception.Reason.BAD_CHECK_DIGIT, text,
                    "check digit is " + check + " but serial " + serial + " needs " + expected);
        }
        return new S10Number(prefix, number, country);
    }

    /** True when {@link #parse} accepts the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (S10Exception e) {
            return false;
        }
    }

    /** Two ASCII letters A-Z (upper case). */
    static boolean isServiceIndicator(String s) {
        return s != null && s.length() == 2 && isUpperAscii(s.charAt(0)) && isUpperAscii(s.charAt(1));
    }

    /** An ISO 3166-1 alpha-2 code in upper case, as listed by {@link Locale#getISOCountries()}. */
    static boolean isCountryCode(String s) {
        return s != null && s.length() == 2 && isUpperAscii(s.charAt(0)) && isUpperAscii(s.charAt(1))
                && ISO_COUNTRIES.contains(s);
    }

    /** Drops whitespace and upper-cases ASCII letters a-z only (so no locale can change the length). */
    static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            b.append(c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c);
        }
        return b.toString();
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
