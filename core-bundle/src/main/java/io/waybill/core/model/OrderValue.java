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
 * @param marketplaceIoss the marketplace's IOSS number when the marketplace collected the EU import VAT as the
 *                     deemed supplier (e.g. Amazon), or null; the package's customs declaration carries it in place
 *                     of the store's IOSS number (since 1.14)
 * @param buyerNote    the note the buyer left with the order (WB_ORDER.BUYER_NOTE), or null (since 1.15)
 */
public record OrderValue(BigDecimal total, BigDecimal shippingPaid, String currency, String buyerPhone,
                         String buyerEmail, Instant shipBy, String marketplaceIoss, String buyerNote) {
    /** No value data. */
    public static final OrderValue NONE = new OrderValue(null, null, null, null, null, null, null, null);

    /** Value data without a buyer's note (the 1.14 shape). */
    public OrderValue(BigDecimal total, BigDecimal shippingPaid, String currency, String buyerPhone,
                      String buyerEmail, Instant shipBy, String marketplaceIoss) {
        this(total, shippingPaid, currency, buyerPhone, buyerEmail, shipBy, marketplaceIoss, null);
    }

    /** Value data without a marketplace IOSS number (the 1.5 shape). */
    public OrderValue(BigDecimal total, BigDecimal shippingPaid, String currency, String buyerPhone,
                      String buyerEmail, Instant shipBy) {
        this(total, shippingPaid, currency, buyerPhone, buyerEmail, shipBy, null);
    }

    /** Whether no field is set. */
    public boolean isEmpty() {
        return total == null && shippingPaid == null && currency == null && buyerPhone == null && buyerEmail == null
                && shipBy == null && marketplaceIoss == null && buyerNote == null;
    }
}
