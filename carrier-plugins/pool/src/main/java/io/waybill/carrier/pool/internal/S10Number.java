package io.waybill.carrier.pool.internal;

/**
 * One valid UPU S10 identifier, split into its parts; {@link #toString()} gives the canonical 13 characters.
 *
 * @param serviceIndicator two letters A-Z, e.g. {@code RR} (registered letter), {@code CP} (parcel), {@code EE} (EMS)
 * @param serial           0..99999999
 * @param countryCode      ISO 3166-1 alpha-2 code of the issuing postal operator
 */
public record S10Number(String serviceIndicator, int serial, String countryCode) {

    /** @throws S10Exception if a part is invalid */
    public S10Number {
        if (!S10.isServiceIndicator(serviceIndicator)) {
            throw new S10Exception(S10Exception.Reason.BAD_PREFIX, String.valueOf(serviceIndicator),
                    "service indicator must be two letters A-Z");
        }
        if (serial < 0 || serial > S10.MAX_SERIAL) {
            throw new S10Exception(S10Exception.Reason.NON_DIGIT_SERIAL, String.valueOf(serial),
                    "serial number must be 0..99999999");
        }
        if (!S10.isCountryCode(countryCode)) {
            throw new S10Exception(S10Exception.Reason.BAD_COUNTRY, String.valueOf(countryCode),
                    "country must be an ISO 3166-1 alpha-2 code in upper case");
        }
    }

    public int checkDigit() {
        return S10.checkDigit(serial);
    }

    /** The canonical form, e.g. {@code RR123456785CN}. */
    @Override
    public String toString() {
        return serviceIndicator + String.format("%08d", serial) + checkDigit() + countryCode;
    }
}
