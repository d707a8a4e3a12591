package io.waybill.core.model;

/** What {@code OrderCaptureService.check} and {@code addressRules} answer: the capture rules for a form. Since 1.7. */
public final class OrderCheck {

    private OrderCheck() {
    }

    /**
     * One problem of an order.
     *
     * @param field  the field it is about ({@code buyer_name}, {@code address1}, {@code postal_code}, {@code phone},
     *               {@code email}, {@code sku}, {@code quantity}, {@code weight}, ...)
     * @param line   0-based index of the order line it is about, -1 when it is about the order
     * @param code   {@code required}, {@code invalid_email}, {@code invalid_phone}, {@code invalid_postal_code},
     *               {@code unknown_sku}, {@code too_heavy}, or {@code invalid} for any other problem
     * @param value  the offending value as the operator may see it (e.g. the e-mail, the weight in kg), or null
     * @param reason the whole reason in English
     * @param structured the reason as data ({@code order_*} of {@link Reason}, without the field), rendered in the
     *                   operator's language, or null when it is known only as its English words (since 1.15)
     */
    public record Problem(String field, int line, String code, String value, String reason, Reason structured) {

        /** A problem known only as its English words. */
        public Problem(String field, int line, String code, String value, String reason) {
            this(field, line, code, value, reason, null);
        }
    }

    /**
     * @param postalCodeRequired whether an address there needs a postal code
     * @param stateRequired      whether it needs the state / province
     * @param maxParcelGrams     the heaviest parcel one order may make
     */
    public record AddressRules(boolean postalCodeRequired, boolean stateRequired, int maxParcelGrams) {
    }
}
