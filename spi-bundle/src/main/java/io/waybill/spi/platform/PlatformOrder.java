package io.waybill.spi.platform;

import io.waybill.spi.common.Address;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as the marketplace reports it.
 *
 * <p>Since 1.2 an order may carry its value ({@link #value()}: total, shipping paid, currency, the buyer's phone and
 * e-mail, the ship-by date) and each line its unit price and currency. All of them are optional: a plugin built
 * against 1.1 uses the six-argument constructor and {@link Line#Line(String, int)}, and its orders carry
 * {@link Value#NONE}. Since 1.6 a line may carry the marketplace's own line id ({@link Line#lineId()}). Amounts are in the currency's major unit (e.g. {@code 12.50} USD), never in cents.
 *
 * @param platformOrderId the marketplace's own id; (store, platformOrderId) identifies an order in Waybill
 * @param orderNo         the number the seller and buyer see
 * @param cancelled       whether the marketplace cancelled it
 * @param createdAt       when the buyer placed it
 * @param shipTo          ship-to address
 * @param lines           ordered SKUs
 * @param value           what the buyer paid and by when it must ship; {@link Value#NONE} when unknown (since 1.2)
 */
public record PlatformOrder(String platformOrderId, String orderNo, boolean cancelled, Instant createdAt,
                            Address shipTo, List<Line> lines, Value value) {
    public PlatformOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
        value = value == null ? Value.NONE : value;
    }

    /** An order without value data (the SPI 1.1 constructor). */
    public PlatformOrder(String platformOrderId, String orderNo, boolean cancelled, Instant createdAt,
                         Address shipTo, List<Line> lines) {
        this(platformOrderId, orderNo, cancelled, createdAt, shipTo, lines, Value.NONE);
    }

    /**
     * This order with the given value data.
     *
     * @since 1.2
     */
    public PlatformOrder withValue(Value value) {
        return new PlatformOrder(platformOrderId, orderNo, cancelled, createdAt, shipTo, lines, value);
    }

    /**
     * An order line.
     *
     * @param sku       seller SKU
     * @param quantity  quantity
     * @param unitPrice price of one unit as sold (before order-level discounts), may be null (since 1.2)
     * @param currency  ISO 4217 code of {@code unitPrice}, e.g. {@code USD}, may be null (since 1.2)
     * @param lineId    the marketplace's own id of this line (Shopify's line item gid, eBay's {@code lineItemId},
     *                  Amazon's {@code OrderItemId}, TikTok Shop's order line item id), or null when the marketplace
     *                  names none (order files, manual orders). Core stores it with the order line and hands it back in
     *                  {@link ShipmentConfirmation.Item#lineId()}, so a partial shipment finds its line by id, not by
     *                  SKU (since 1.6)
     */
    public record Line(String sku, int quantity, BigDecimal unitPrice, String currency, String lineId) {

        public Line {
            lineId = lineId == null || lineId.isBlank() ? null : lineId.strip();
        }

        /** A line without a price (the SPI 1.1 constructor). */
        public Line(String sku, int quantity) {
            this(sku, quantity, null, null, null);
        }

        /** A line without the marketplace's line id (the SPI 1.2 to 1.5 constructor). */
        public Line(String sku, int quantity, BigDecimal unitPrice, String currency) {
            this(sku, quantity, unitPrice, currency, null);
        }

        /**
         * This line with a unit price.
         *
         * @since 1.2
         */
        public Line withPrice(BigDecimal unitPrice, String currency) {
            return new Line(sku, quantity, unitPrice, currency, lineId);
        }

        /**
         * This line with the marketplace's own line id (blank: none).
         *
         * @since 1.6
         */
        public Line withLineId(String lineId) {
            return new Line(sku, quantity, unitPrice, currency, lineId);
        }
    }

    /**
     * The value of an order and the buyer's contact, as the marketplace gives them. Every field may be null.
     *
     * @param total        what the buyer paid for the whole order (lines, shipping, taxes, less discounts)
     * @param shippingPaid what the buyer paid for shipping
     * @param currency     ISO 4217 code of {@code total}, {@code shippingPaid} and the lines' prices
     * @param buyerPhone   the buyer's phone (the ship-to phone stays in {@link PlatformOrder#shipTo()})
     * @param buyerEmail   the buyer's e-mail
     * @param shipBy       the latest time the marketplace expects the order to ship
     * @param buyerNote    what the buyer wrote to the seller with the order (gift message, delivery wish), or null
     *                     (since 1.3)
     * @param marketplaceIoss the marketplace's IOSS number when the marketplace collected the EU import VAT as the
     *                     deemed supplier (e.g. Amazon's {@code IossNumber} of the order items), or null; the
     *                     package's customs declaration then carries it instead of the seller's own (since 1.3)
     * @since 1.2
     */
    public record Value(BigDecimal total, BigDecimal shippingPaid, String currency, String buyerPhone,
                        String buyerEmail, Instant shipBy, String buyerNote, String marketplaceIoss) {
        /** No value data. */
        public static final Value NONE = new Value(null, null, null, null, null, null, null, null);

        /** Value data without a buyer note (the SPI 1.2 constructor). */
        public Value(BigDecimal total, BigDecimal shippingPaid, String currency, String buyerPhone,
                     String buyerEmail, Instant shipBy) {
            this(total, shippingPaid, currency, buyerPhone, buyerEmail, shipBy, null, null);
        }

        /** Value data with a buyer note, without a marketplace IOSS number. */
        public Value(BigDecimal total, BigDecimal shippingPaid, String currency, String buyerPhone,
                     String buyerEmail, Instant shipBy, String buyerNote) {
            this(total, shippingPaid, currency, buyerPhone, buyerEmail, shipBy, buyerNote, null);
        }

        /**
         * This value with the buyer's note.
         *
         * @since 1.3
         */
        public Value withBuyerNote(String buyerNote) {
            return new Value(total, shippingPaid, currency, buyerPhone, buyerEmail, shipBy, buyerNote,
                    marketplaceIoss);
        }

        /**
         * This value with the marketplace's IOSS number (the marketplace is the deemed supplier and collected the EU
         * import VAT).
         *
         * @since 1.3
         */
        public Value withMarketplaceIoss(String marketplaceIoss) {
            return new Value(total, shippingPaid, currency, buyerPhone, buyerEmail, shipBy, buyerNote,
                    marketplaceIoss);
        }

        /** Whether no field is set. */
        public boolean isEmpty() {
            return total == null && shippingPaid == null && currency == null && buyerPhone == null
                    && buyerEmail == null && shipBy == null && buyerNote == null && marketplaceIoss == null;
        }
    }
}
