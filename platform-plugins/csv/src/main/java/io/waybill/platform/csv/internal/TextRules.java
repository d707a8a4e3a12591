package io.waybill.platform.csv.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for single field values: what counts as surrounding whitespace, which characters are refused, and how
 * quantities, dates, yes/no flags and country codes are read. Each reader returns {@code null} for a value it
 * cannot read; the caller words the problem.
 */
final class TextRules {

    /**
     * {@code 2024-05-01}, {@code 2024/5/1}, optionally followed by {@code T} or a space and {@code H:mm},
     * {@code H:mm:ss} or {@code H:mm:ss.fffffffff}, optionally followed by {@code Z} or an offset like
     * {@code +08:00} / {@code +0800}.
     */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})"
                    + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2})?");

    private static final Set<String> COUNTRIES = new HashSet<>(
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    static {
        COUNTRIES.add("XK"); // Kosovo: user-assigned, but used by the UPU and every carrier
    }

    private TextRules() {
    }

    /** Whether {@code c} is whitespace that is stripped from both ends of a value (any Unicode space or line break). */
    static boolean isSurroundingSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.isSpaceChar(c);
    }

    /** The value without surrounding whitespace; nothing else is changed. */
    static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSurroundingSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSurroundingSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /**
     * The index of the first character that is not allowed in a value: a C0 or C1 control character (this includes
     * line breaks and tabs inside a value) or U+FFFD, the replacement character left behind by a broken conversion
     * of the file; -1 when there is none.
     */
    static int firstRefusedChar(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\uFFFD') {
                return i;
            }
        }
        return -1;
    }

    /** How a refused character is named in a problem, e.g. {@code U+000A (line break)}. */
    static String describeChar(char c) {
        String code = codePoint(c);
        return switch (c) {
            case '\n', '\r' -> code + " (line break)";
            case '\t' -> code + " (tab)";
            case '\0' -> code + " (NUL)";
            case '\uFFFD' -> code + " (replacement character: the text was damaged by a wrong conversion)";
            default -> code + " (control character)";
        };
    }

    /** The code of the problem a refused character makes ({@code ParsedOrderFile.Problem}'s, SPI 1.5). */
    static String refusedCharCode(char c) {
        return switch (c) {
            case '\n', '\r' -> io.waybill.spi.platform.ParsedOrderFile.Problem.LINE_BREAK;
            case '\t' -> io.waybill.spi.platform.ParsedOrderFile.Problem.TAB;
            case '\0' -> io.waybill.spi.platform.ParsedOrderFile.Problem.NUL;
            case '\uFFFD' -> io.waybill.spi.platform.ParsedOrderFile.Problem.REPLACEMENT_CHAR;
            default -> io.waybill.spi.platform.ParsedOrderFile.Problem.CONTROL_CHAR;
        };
    }

    /** A character's code point as {@code U+000A}. */
    static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    /**
     * The value as it may appear in a message: control characters, bidirectional formatting characters (which would
     * reorder the message around them) and U+FFFD shown as {@code <U+202E>}; everything else unchanged.
     */
    static String visible(String value) {
        StringBuilder b = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean hide = Character.isISOControl(c) || isBidiControl(c);
            if (hide && b == null) {
                b = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (hide) {
                b.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? value : b.toString();
    }

    /** U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069: characters that change the display order of text. */
    static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** A positive whole number written with ASCII digits, or {@code null}. */
    static Integer positiveInt(String value) {
        if (value.isEmpty() || value.length() > 9) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        int n = Integer.parseInt(value);
        return n > 0 ? n : null;
    }

    /**
     * The instant a date or date-time means, or {@code null}. A value without an offset is read in {@code zone};
     * a date alone means the start of that day.
     */
    static Instant instant(String value, ZoneId zone) {
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            return null;
        }
        try {
            int hour = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int minute = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
            int nano = m.group(8) == null ? 0 : Integer.parseInt((m.group(8) + "00000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), hour, minute, second, nano);
            String offset = m.group(9);
            if (offset == null) {
                return local.atZone(zone).toInstant();
            }
            if (m.group(5) == null) {
                return null; // an offset without a time of day
            }
            return local.toInstant(ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":"
                    + offset.substring(3) : offset));
        } catch (DateTimeException e) {
            return null; // 2024-02-30, 25:00, +19:00 ...
        }
    }

    /** {@code true}/{@code false} for the yes/no spellings Waybill reads, or {@code null}. Empty means no. */
    static Boolean flag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "false", "no", "n", "0", "否" -> Boolean.FALSE;
            case "true", "yes", "y", "1", "是" -> Boolean.TRUE;
            default -> null;
        };
    }

    /** The upper-case ISO 3166-1 alpha-2 code, or {@code null} when the value is not one. */
    static String country(String value) {
        String code = value.toUpperCase(Locale.ROOT);
        return code.length() == 2 && COUNTRIES.contains(code) ? code : null;
    }

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,6})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    /**
     * A non-negative amount written with ASCII digits and an optional decimal point ({@code 12}, {@code 12.5},
     * {@code 0.99}), or {@code null}. No thousands separators, signs, currency symbols or decimal commas: a file
     * saved in a locale that writes {@code 12,50} is refused rather than read as 1250.
     */
    static java.math.BigDecimal amount(String value) {
        return AMOUNT.matcher(value).matches() ? new java.math.BigDecimal(value) : null;
    }

    /** Three letters upper-cased (whether it is a known ISO 4217 code is the core's check), or {@code null}. */
    static String currency(String value) {
        return CURRENCY.matcher(value).matches() ? value.toUpperCase(Locale.ROOT) : null;
    }
}
