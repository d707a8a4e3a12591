package io.waybill.carrier.pool.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A block of S10 serial numbers a postal operator issued to the seller, written {@code RR10000000-10009999CN}:
 * service indicator, first serial, dash, last serial (both inclusive), country. Immutable; allocation state lives in
 * {@link TrackingNumberPool}.
 *
 * @param serviceIndicator two letters A-Z
 * @param first            first serial, inclusive
 * @param last             last serial, inclusive, {@code >= first}
 * @param countryCode      ISO 3166-1 alpha-2
 */
public record SerialRange(String serviceIndicator, int first, int last, String countryCode) {

    /** The shape expected in configuration, for messages. */
    static final String SHAPE = "2-letter service indicator, 8-digit first serial, '-', 8-digit last serial, "
            + "2-letter country, e.g. RR10000000-10009999CN";

    public SerialRange {
        if (!S10.isServiceIndicator(serviceIndicator)) {
            throw new RangeException(RangeException.Reason.BAD_PREFIX, String.valueOf(serviceIndicator),
                    "service indicator must be two letters A-Z");
        }
        if (!S10.isCountryCode(countryCode)) {
            throw new RangeException(RangeException.Reason.BAD_COUNTRY, String.valueOf(countryCode),
                    "country must be an ISO 3166-1 alpha-2 code");
        }
        if (first < 0 || last > S10.MAX_SERIAL) {
            throw new RangeException(RangeException.Reason.NON_DIGIT_SERIAL, first + "-" + last,
                    "serials must be 0..99999999");
        }
        if (first > last) {
            throw new RangeException(RangeException.Reason.START_AFTER_END, first + "-" + last,
                    "first serial is greater than last serial");
        }
    }

    /**
     * Parses one range. Spaces are ignored and letters may be lower case.
     *
     * @throws RangeException saying what is wrong
     */
    public static SerialRange parse(String spec) {
        String s = spec == null ? "" : S10.normalize(spec);
        int dash = s.indexOf('-');
        if (dash != 10 || s.length() != 21) {
            throw new RangeException(RangeException.Reason.SYNTAX, String.valueOf(spec), "expected " + SHAPE);
        }
        String prefix = s.substring(0, 2);
        String firstDigits = s.substring(2, 10);
        String lastDigits = s.substring(11, 19);
        String country = s.substring(19, 21);
        if (!S10.isServiceIndicator(prefix)) {
            throw new RangeException(RangeException.Reason.BAD_PREFIX, spec,
                    "service indicator '" + prefix + "' must be two letters A-Z");
        }
        if (!S10.allDigits(firstDigits) || !S10.allDigits(lastDigits)) {
            throw new RangeException(RangeException.Reason.NON_DIGIT_SERIAL, spec,
                    "serials '" + firstDigits + "' and '" + lastDigits + "' must be eight digits each"
                            + " (without check digit)");
        }
        if (!S10.isCountryCode(country)) {
            throw new RangeException(RangeException.Reason.BAD_COUNTRY, spec,
                    "country '" + country + "' is not an ISO 3166-1 alpha-2 code");
        }
        int first = Integer.parseInt(firstDigits);
        int last = Integer.parseInt(lastDigits);
        if (first > last) {
            throw new RangeException(RangeException.Reason.START_AFTER_END, spec,
                    "first serial " + firstDigits + " is greater than last serial " + lastDigits);
        }
        return new SerialRange(prefix, first, last, country);
    }

    /**
     * Parses the {@code ranges} setting: each entry may hold several ranges separated by commas, semicolons or line
     * breaks. Blank pieces are skipped.
     *
     * @return ranges in the order given
     * @throws RangeException for the first invalid range, or for two ranges that share numbers
     */
    public static List<SerialRange> parseAll(String[] entries) {
        List<SerialRange> ranges = new ArrayList<>();
        if (entries == null) {
            return ranges;
        }
        for (String entry : entries) {
            if (entry == null) {
                continue;
            }
            for (String piece : entry.split("[,;\\r\\n]+")) {
                if (!piece.isBlank()) {
                    SerialRange range = parse(piece);
                    for (SerialRange earlier : ranges) {
                        if (earlier.overlaps(range)) {
                            throw new RangeException(RangeException.Reason.OVERLAP, range.toString(),
                                    "shares numbers with range " + earlier
                                            + "; each number may be handed out only once");
                        }
                    }
                    ranges.add(range);
                }
            }
        }
        return ranges;
    }

    /** Count of serials in the range. */
    public long size() {
        return (long) last - first + 1;
    }

    /** True when both ranges would produce at least one identical identifier. */
    public boolean overlaps(SerialRange other) {
        return serviceIndicator.equals(other.serviceIndicator) && countryCode.equals(other.countryCode)
                && first <= other.last && other.first <= last;
    }

    /** The identifier for a serial of this range. */
    public S10Number number(int serial) {
        if (serial < first || serial > last) {
            throw new IllegalArgumentException("serial " + serial + " is outside " + this);
        }
        return new S10Number(serviceIndicator, serial, countryCode);
    }

    /** The configuration form, e.g. {@code RR10000000-10009999CN}. */
    @Override
    public String toString() {
        return serviceIndicator + String.format("%08d-%08d", first, last) + countryCode;
    }
}
