package io.waybill.spi.carrier;

import io.waybill.spi.common.Address;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A package handed to a carrier.
 *
 * @param idempotencyKey stable per package and attempt generation; the same key means "the same shipment"
 * @param packageNo      Waybill's package number (printed on labels, scanned at the station)
 * @param orderNo        the seller's order number
 * @param serviceCode    carrier service chosen by the store's shipping method
 * @param sender         ship-from address (the warehouse)
 * @param recipient      ship-to address
 * @param weightGrams    expected gross weight in grams
 * @param items          contents, for customs declarations
 * @param customs        the parcel's customs declaration (category, the shipper's tax ids), or {@code null} when the
 *                       core sends none (a request built with the 1.1 constructor); the lines are {@code items}.
 *                       Since 1.2.
 */
public record ShipmentRequest(String idempotencyKey, String packageNo, String orderNo, String serviceCode,
                              Address sender, Address recipient, int weightGrams, List<Item> items,
                              CustomsDeclaration customs) {

    /** A request without a customs declaration (the 1.1 shape). */
    public ShipmentRequest(String idempotencyKey, String packageNo, String orderNo, String serviceCode,
                           Address sender, Address recipient, int weightGrams, List<Item> items) {
        this(idempotencyKey, packageNo, orderNo, serviceCode, sender, recipient, weightGrams, items, null);
    }

    /**
     * The declared value of the contents (unit values times quantities) when every item has a value in the same
     * currency; empty when there are no items, an item has no value or the currencies differ. Since 1.2.
     */
    public Optional<BigDecimal> declaredTotal() {
        if (items == null || items.isEmpty() || declaredCurrency().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Item i : items) {
            if (i == null || i.unitValue() == null) {
                return Optional.empty();
            }
            total = total.add(i.lineValue());
        }
        return Optional.of(total);
    }

    /** The one currency of the items' values; empty when none has one or they differ. Since 1.2. */
    public Optional<String> declaredCurrency() {
        String currency = null;
        if (items == null) {
            return Optional.empty();
        }
        for (Item i : items) {
            if (i == null || i.currency() == null || i.currency().isBlank()) {
                return Optional.empty();
            }
            String c = i.currency().strip().toUpperCase(Locale.ROOT);
            if (currency != null && !currency.equals(c)) {
                return Optional.empty();
            }
            currency = c;
        }
        return Optional.ofNullable(currency);
    }

    /**
     * One line of contents.
     *
     * @param sku            seller SKU
     * @param description    description for customs, in English
     * @param quantity       quantity, positive
     * @param weightGrams    unit weight in grams
     * @param hsCode         Harmonized System code (6 to 10 digits, no dots), or {@code null} when not known. Since 1.2.
     * @param descriptionZh  description for customs in Simplified Chinese (China export declaration), or {@code null}.
     *                       Since 1.2.
     * @param unitValue      declared value of one unit in {@code currency}, or {@code null} when not known. Since 1.2.
     * @param currency       ISO 4217 code of {@code unitValue}, or {@code null}. Since 1.2.
     * @param originCountry  ISO 3166-1 alpha-2 country of origin (manufacture), or {@code null}. Since 1.2.
     * @param netWeightGrams unit net weight (without packaging) in grams; 0 when not known (then
     *                       {@code weightGrams} stands for it, see {@link #declaredNetWeightGrams()}). Since 1.2.
     */
    public record Item(String sku, String description, int quantity, int weightGrams, String hsCode,
                       String descriptionZh, BigDecimal unitValue, String currency, String originCountry,
                       int netWeightGrams) {

        /** A line without customs data (the 1.1 shape). */
        public Item(String sku, String description, int quantity, int weightGrams) {
            this(sku, description, quantity, weightGrams, null, null, null, null, null, 0);
        }

        /** The unit value times the quantity; zero when the unit value is not known. Since 1.2. */
        public BigDecimal lineValue() {
            return unitValue == null ? BigDecimal.ZERO : unitValue.multiply(BigDecimal.valueOf(quantity));
        }

        /** The unit net weight, or the unit weight when the net weight is not known. Since 1.2. */
        public int declaredNetWeightGrams() {
            return netWeightGrams > 0 ? netWeightGrams : weightGrams;
        }

        /**
         * Whether the line carries what a customs declaration needs: an HS code, an English description, a
         * positive unit value with its currency and the country of origin. Since 1.2.
         */
        public boolean hasCustomsData() {
            return hsCode != null && !hsCode.isBlank() && description != null && !description.isBlank()
                    && unitValue != null && unitValue.signum() > 0 && currency != null && !currency.isBlank()
                    && originCountry != null && !originCountry.isBlank();
        }
    }
}
