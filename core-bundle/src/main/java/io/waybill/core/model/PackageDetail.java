package io.waybill.core.model;

import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.common.Address;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the package detail page shows.
 *
 * @param row             the list row
 * @param platformOrderId the marketplace's order id
 * @param orderCancelled  whether the marketplace cancelled the order after capture (flag for the operator)
 * @param shipTo          ship-to address, exactly as captured
 * @param lines           SKUs and quantities
 * @param warehouseCode   warehouse the stock is reserved in, or null
 * @param printCount      how often the label was printed
 * @param shortages       missing SKUs when out of stock
 * @param history         audit trail, oldest first
 * @param carrierId       carrier plugin the package was uploaded to, or null (since 1.1)
 * @param carrierLabel    format of the carrier's own label stored for the package, or null when none is (since 1.1)
 * @param value           the order's total, shipping paid, currency, buyer contact and ship-by; never null (since 1.5)
 */
public record PackageDetail(PackageRow row, String platformOrderId, boolean orderCancelled, Address shipTo,
                            List<Line> lines, String warehouseCode, int printCount, List<Shortage> shortages,
                            List<AuditEntry> history, String carrierId, LabelDocument.Format carrierLabel,
                            OrderValue value) {

    public PackageDetail {
        value = value == null ? OrderValue.NONE : value;
    }

    /** A detail without the order value (the 1.1 shape). */
    public PackageDetail(PackageRow row, String platformOrderId, boolean orderCancelled, Address shipTo,
                         List<Line> lines, String warehouseCode, int printCount, List<Shortage> shortages,
                         List<AuditEntry> history, String carrierId, LabelDocument.Format carrierLabel) {
        this(row, platformOrderId, orderCancelled, shipTo, lines, warehouseCode, printCount, shortages, history,
                carrierId, carrierLabel, OrderValue.NONE);
    }

    /** A detail without carrier information (the 1.0 shape). */
    public PackageDetail(PackageRow row, String platformOrderId, boolean orderCancelled, Address shipTo,
                         List<Line> lines, String warehouseCode, int printCount, List<Shortage> shortages,
                         List<AuditEntry> history) {
        this(row, platformOrderId, orderCancelled, shipTo, lines, warehouseCode, printCount, shortages, history,
                null, null);
    }

    /**
     * An order line.
     *
     * @param skuCode     SKU
     * @param skuName     SKU name
     * @param quantity    quantity
     * @param weightGrams unit weight (a bundle without a weight of its own: the sum of its components)
     * @param unitPrice   price of one unit as sold, or null (since 1.5)
     * @param currency    ISO 4217 code of the unit price, or null (since 1.5)
     * @param matched     false for a line whose platform SKU ({@code skuCode}) is neither a product nor an alias of
     *                    the store: the package is held in SKU_UNMATCHED; its name is null and weight 0 (since 1.5)
     * @param components  for a bundle (kit) line, the plain products to pick for it, each with the units for the
     *                    whole line (line quantity x component quantity): what the package reserved once allocated,
     *                    the catalogue's current components before; empty for a plain product (since 1.5)
     */
    public record Line(String skuCode, String skuName, int quantity, int weightGrams, BigDecimal unitPrice,
                       String currency, boolean matched, List<Line> components) {
        public Line {
            components = components == null ? List.of() : List.copyOf(components);
        }

        /** A matched line without a price (the 1.0 shape). */
        public Line(String skuCode, String skuName, int quantity, int weightGrams) {
            this(skuCode, skuName, quantity, weightGrams, null, null, true, List.of());
        }

        /** A matched line with its price. */
        public Line(String skuCode, String skuName, int quantity, int weightGrams, BigDecimal unitPrice,
                    String currency) {
            this(skuCode, skuName, quantity, weightGrams, unitPrice, currency, true, List.of());
        }

        /** A line with its price, matched or not, that is no bundle. */
        public Line(String skuCode, String skuName, int quantity, int weightGrams, BigDecimal unitPrice,
                    String currency, boolean matched) {
            this(skuCode, skuName, quantity, weightGrams, unitPrice, currency, matched, List.of());
        }

        /** A matched bundle line without a price. */
        public Line(String skuCode, String skuName, int quantity, int weightGrams, List<Line> components) {
            this(skuCode, skuName, quantity, weightGrams, null, null, true, components);
        }

        /** Whether the line is a bundle whose components are picked instead of it. */
        public boolean bundle() {
            return !components.isEmpty();
        }
    }
}
