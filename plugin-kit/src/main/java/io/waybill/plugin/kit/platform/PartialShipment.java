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
 * platform 1.4, {@link ShipmentConfirmation#items()}). An item with the marketplace's line id (SPI 1.6,
 * {@link ShipmentConfirmation.Item#lineId()}: the order was captured with line ids) takes its units from the open lines
 * of that line id only, whatever SKU they name (so a line whose marketplace SKU is an alias of Waybill's SKU is found);
 * an item without one (an order captured without line ids) takes units from the open lines that carry its SKU (case
 * and surrounding spaces ignored), from what the items with ids left. Both in the marketplace's order of lines; a line
 * gives at most the units it has left. An item that finds no such line, or not enough units, makes the whole
 * confirmation a refusal ({@link #unmatched}): never a confirmation of the whole order, never of a part of the
 * package; an item with a line id never falls back to its SKU.
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
     * @param id     the marketplace's id of what ships (order item id, line item id, fulfillment order line item id,
     *               one unit's order line item id...): what a {@link Take} names
     * @param sku    the SKU the marketplace names on the line; null when it names none (then no item without a line id
     *               matches it)
     * @param units  units of the line left to ship
     * @param lineId the id of the order line this open line belongs to, as the connector gave it at capture
     *               ({@code PlatformOrder.Line.lineId}, what an item's {@link ShipmentConfirmation.Item#lineId()}
     *               names); null when unknown
     */
    public record OpenLine(String id, String sku, int units, String lineId) {

        /** A line that is itself the order line captured ({@code lineId} = {@code id}: eBay, Amazon). */
        public OpenLine(String id, String sku, int units) {
            this(id, sku, units, id);
        }
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
     * and without a line id are missing ("(no SKU)"); items with no units are ignored. What an item with a line id
     * misses is named "SKU (line id) xN".
     */
    public static Match match(List<ShipmentConfirmation.Item> items, List<OpenLine> open) {
        Map<String, Integer> byLine = new LinkedHashMap<>();
        Map<String, String> lineSku = new LinkedHashMap<>();
        Map<String, Integer> bySku = new LinkedHashMap<>();
        for (ShipmentConfirmation.Item i : items) {
            if (i.quantity() <= 0) {
                continue;
            }
            if (i.lineId() != null) {
                byLine.merge(i.lineId(), i.quantity(), Integer::sum);
                lineSku.putIfAbsent(i.lineId(), key(i.sku()));
            } else {
                bySku.merge(key(i.sku()), i.quantity(), Integer::sum);
            }
        }
        int[] taken = new int[open.size()];
        // by line id first: the line the units were captured from, whatever SKU the marketplace names on it
        for (int n = 0; n < open.size(); n++) {
            OpenLine line = open.get(n);
            String lineId = line.lineId() == null ? null : line.lineId().strip();
            int left = lineId == null ? 0 : byLine.getOrDefault(lineId, 0);
            if (left <= 0 || line.units() <= 0 || line.id() == null) {
                continue;
            }
            int units = Math.min(left, line.units());
            taken[n] += units;
            byLine.put(lineId, left - units);
        }
        // then by SKU (orders captured without line ids), from the units the items with ids left
        for (int n = 0; n < open.size(); n++) {
            OpenLine line = open.get(n);
            String sku = key(line.sku());
            int left = bySku.getOrDefault(sku, 0);
            int free = line.units() - taken[n];
            if (sku.isEmpty() || left <= 0 || free <= 0 || line.id() == null) {
                continue;
            }
            int units = Math.min(left, free);
            taken[n] += units;
            bySku.put(sku, left - units);
        }
        Map<String, Integer> byTake = new LinkedHashMap<>();
        for (int n = 0; n < open.size(); n++) {
            if (taken[n] > 0) {
                byTake.merge(open.get(n).id(), taken[n], Integer::sum);
            }
        }
        List<Take> takes = new ArrayList<>();
        byTake.forEach((id, units) -> takes.add(new Take(id, units)));
        List<String> missing = new ArrayList<>();
        bySku.forEach((sku, units) -> {
            if (units > 0) {
                missing.add((sku.isEmpty() ? "(no SKU)" : sku) + " x" + units);
            }
        });
        byLine.forEach((lineId, units) -> {
            if (units > 0) {
                String sku = lineSku.get(lineId);
                missing.add((sku.isEmpty() ? "(no SKU)" : sku) + " (line " + lineId + ") x" + units);
            }
        });
        return new Match(takes, missing.stream().sorted().toList());
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
