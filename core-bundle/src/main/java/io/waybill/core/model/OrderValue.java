package io.waybill.core.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What an order is worth and the buyer's contact, as the marketplace or order file gave them (since model 1.5).
 * Every field may be null: orders captured before, and plugins that give no value, have none.
 *
 * @param total        what the buyer paid for the whole order (lines, shipping, taxes, less discounts)
 * @param shippingPaid what the buyer paid for shipping
 * @param currency     ISO 4217 code of the amounts (the order's and its lines')
 * @param buyerPhone   the buyer's phone
 * @param buyerEmail   the buyer's e-mail
 * @param shipBy       the latest time the marketplace expects the order to ship
 */
public record OrderValue(BigDecimal total, BigDecimal shippingPaid, String currency, String buyerPhone,
                         String buyerEmail, Instant shipBy) {
    /** No value data. */
    public static final OrderValue NONE = new OrderValue(null, null, null, null, null, null);

    /** Whether no field is set. */
    public boolean isEmpty() {
        return total == null && shippingPaid == null && currency == null && buyerPhone == null && buyerEmail == null
                && shipBy == null;
    }
}
