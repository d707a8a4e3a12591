package io.waybill.core.model;

import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.common.Address;

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
 */
public record PackageDetail(PackageRow row, String platformOrderId, boolean orderCancelled, Address shipTo,
                            List<Line> lines, String warehouseCode, int printCount, List<Shortage> shortages,
                            List<AuditEntry> history, String carrierId, LabelDocument.Format carrierLabel) {

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
     * @param components  for a bundle (kit) line, the plain products to pick for it, each with the units for the
     *                    whole line (line quantity x component quantity): what the package reserved once allocated,
     *                    the catalogue's current components before; empty for a plain product (since 1.5)
     */
    public record Line(String skuCode, String skuName, int quantity, int weightGrams, List<Line> components) {
        public Line {
            components = components == null ? List.of() : List.copyOf(components);
        }

        /** A line of a plain product (the 1.0 shape). */
        public Line(String skuCode, String skuName, int quantity, int weightGrams) {
            this(skuCode, skuName, quantity, weightGrams, List.of());
        }

        /** Whether the line is a bundle whose components are picked instead of it. */
        public boolean bundle() {
            return !components.isEmpty();
        }
    }
}
