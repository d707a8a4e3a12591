package io.waybill.plugin.kit.platform;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.platform.ShipmentConfirmation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one rule by which a marketplace plugin confirms a package that carries only some of an order's items (SPI
 * platform 1.4, {@link ShipmentConfirmation#items()}): each item (a SKU as the order names it, with its units) takes
 * units from the marketplace order's lines that can still ship and carry that SKU (case and surrounding spaces
 * ignored), in the marketplace's order of lines; a line gives at most the units it has left. An item that finds no
 * such line, or not enough units, makes the whole confirmation a refusal ({@link #unmatched}): never a confirmation
 * of the whole order, never of a part of the package.
 */
public final class PartialShipment {

    /**
     * Message code of a refusal: the package names items the marketplace order has no line (or no units left) for.
     * Permanent: the package's contents or the order's lines must be corrected first.
     */
    public static final String UNMATCHED = MessageCodes.PARTIAL_UNMATCHED;
    /**
     * Message code of a refusal: the marketplace cannot take a shipment of only these items for this order (e.g. it
     * cannot split the order into packages). Permanent.
     */
    public static final String NOT_SPLITTABLE = MessageCodes.PARTIAL_NOT_SPLITTABLE;

    private PartialShipment() {
    }

    /**
     * A line of the marketplace order that can still ship.
     *
     * @param id    the marketplace's id of the line (order item id, line item id, fulfillment order line item id...)
     * @param sku   the SKU the marketplace names on the line; null when it names none (then no item matches it)
     * @param units units of the line left to ship
     */
    public record OpenLine(String id, String sku, int units) {
    }

    /** Units of one marketplace line that the package carries. */
    public record Take(String id, int units) {
    }

    /**
     * The lines the package's items take and what no line could take.
     *
     * @param takes   by line, in the order of the open lines; a line at most once
     * @param missing the items (or the part of them) no line could take, as "SKU x units", sorted; empty when every
     *                unit found a line
     */
    public record Match(List<Take> takes, List<String> missing) {
        public Match {
            takes = List.copyOf(takes);
            missing = List.copyOf(missing);
        }

        /** Every unit of the package found a line. */
        public boolean complete() {
            return missing.isEmpty() && !takes.isEmpty();
        }
    }

    /** The SKU as compared: stripped, upper case; "" for null. */
    public static String key(String sku) {
        return sku == null ? "" : sku.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The lines and units the package's items take from the open lines (see the class comment). Items without a SKU
     * are missing ("(no SKU)"); items with no units are ignored.
     */
    public static Match match(List<ShipmentConfirmation.Item> items, List<OpenLine> open) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (ShipmentConfirmation.Item i : items) {
            if (i.quantity() > 0) {
                wanted.merge(key(i.sku()), i.quantity(), Integer::sum);
            }
        }
        List<Take> takes = new ArrayList<>();
        for (OpenLine line : open) {
            String sku = key(line.sku());
            int left = wanted.getOrDefault(sku, 0);
            if (sku.isEmpty() || left <= 0 || line.units() <= 0 || line.id() == null) {
                continue;
            }
            int units = Math.min(left, line.units());
            takes.add(new Take(line.id(), units));
            wanted.put(sku, left - units);
        }
        List<String> missing = wanted.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> (e.getKey().isEmpty() ? "(no SKU)" : e.getKey()) + " x" + e.getValue()).sorted().toList();
        return new Match(takes, missing);
    }

    /**
     * The refusal of a package whose items the order cannot take ({@link #UNMATCHED}), naming the platform, the order,
     * what is missing and the tracking number.
     */
    public static Message unmatched(String platform, String orderId, List<String> missing, String tracking) {
        return Message.error(UNMATCHED, platform + " order " + orderId + " has no line left to ship for "
                + String.join(", ", missing) + " of this package; nothing was confirmed with " + tracking
                + " (a partial shipment is confirmed with exactly its items or not at all).");
    }

    /**
     * The refusal of a partial shipment the marketplace cannot take for this order ({@link #NOT_SPLITTABLE}), with the
     * marketplace's reason when it gave one.
     */
    public static Message notSplittable(String platform, String orderId, String why, String tracking) {
        return Message.error(NOT_SPLITTABLE, platform + " order " + orderId + " cannot be confirmed as a partial"
                + " shipment" + (why == null || why.isBlank() ? "" : " (" + why.strip() + ")")
                + "; nothing was confirmed with " + tracking + ", not the whole order either.");
    }
}
