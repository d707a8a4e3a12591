package io.waybill.core.internal.catalogue;

/**
 * GS1 check digits (EAN-8, UPC-A, EAN-13, GTIN-14): the last digit is chosen so that the digits, weighted 3 and 1
 * alternately from the right, sum to a multiple of 10.
 */
public final class Gtin {
    private Gtin() {
    }

    /** Whether the code is all digits and 8, 12, 13 or 14 long, i.e. must carry a GS1 check digit. */
    public static boolean isGtinLength(String code) {
        int n = code.length();
        return (n == 8 || n == 12 || n == 13 || n == 14) && allDigits(code);
    }

    public static boolean allDigits(String code) {
        if (code.isEmpty()) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    /** The check digit the digits before the last one call for. */
    public static int expectedCheckDigit(String code) {
        int sum = 0;
        int weight = 3;
        for (int i = code.length() - 2; i >= 0; i--) {
            sum += (code.charAt(i) - '0') * weight;
            weight = weight == 3 ? 1 : 3;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether an all-digit GS1 code's last digit is right. */
    public static boolean checkDigitValid(String code) {
        return isGtinLength(code) && code.charAt(code.length() - 1) - '0' == expectedCheckDigit(code);
    }
}
