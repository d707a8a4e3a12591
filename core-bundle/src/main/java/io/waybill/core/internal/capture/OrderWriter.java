package io.waybill.core.internal.capture;

import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.persistence.Ids;
import io.waybill.core.internal.persistence.PackageNumbers;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.model.PackageStatus;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes validated orders with batched JDBC inside the caller's transaction: new orders get their lines, one
 * package in WAITING and a CAPTURED audit event; known orders (same store and platform order id) are updated or
 * flagged, never duplicated.
 */
final class OrderWriter {

    static final int PACKAGING_GRAMS = io.waybill.core.internal.persistence.PackageContents.PACKAGING_GRAMS;
    private static final int CHUNK = 500;
    private static final Set<String> LINES_EDITABLE = Set.of(PackageStatus.WAITING.name(),
            PackageStatus.OUT_OF_STOCK.name(), PackageStatus.SKU_UNMATCHED.name());

    /**
     * New order lines of a package not allocated yet: it is held (unmatched SKU), released to waiting, or keeps its
     * status; the status read is part of the guard.
     */
    private static final Map<PackageStatus, StatusGate> LINES_CHANGED = Map.of(
            PackageStatus.WAITING, linesGate(PackageStatus.WAITING),
            PackageStatus.OUT_OF_STOCK, linesGate(PackageStatus.OUT_OF_STOCK),
            PackageStatus.SKU_UNMATCHED, linesGate(PackageStatus.SKU_UNMATCHED));

    private static StatusGate linesGate(PackageStatus to) {
        return StatusGate.to(to).orStaying().set("EXPECTED_WEIGHT_GRAMS = ?, UPDATED_AT = ?").where("STATUS = ?");
    }

    record Sku(long id, int weightGrams) {
    }

    record Counts(int created, int updated, int unchanged, int flagged) {
    }

    private record Existing(long id, boolean cancelled, Address address, Map<String, Integer> lines,
                            long packageId, String packageStatus, PlatformOrder.Value value,
                            Map<String, Price> prices) {
    }

    /** A line's unit price as stored (trailing zeros dropped, so 12.5 and 12.5000 are the same). */
    record Price(BigDecimal unitPrice, String currency) {
        static Price of(BigDecimal unitPrice, String currency) {
            return new Price(unitPrice == null ? null : unitPrice.stripTrailingZeros(), unitPrice == null ? null
                    : currency);
        }
    }

    private final Connection c;
    private final Map<String, Sku> skus;
    /** Packages created waiting by this writer (the logistics rules run on them next, in the same transaction). */
    private final List<Long> createdWaiting = new ArrayList<>();
    /** The store's aliases: platform SKU -> Waybill SKU code (set per {@link #write} call). */
    private Map<String, String> aliases = Map.of();
    private final String actor;
    private final Instant now;

    OrderWriter(Connection c, Map<String, Sku> skus, String actor, Instant now) {
        this.c = c;
        this.skus = skus;
        this.actor = actor;
        this.now = now;
    }

    /** The packages this writer created in WAITING, in creation order. */
    List<Long> createdWaiting() {
        return List.copyOf(createdWaiting);
    }

    static Map<String, Sku> loadSkus(Connection c) throws SQLException {
        Map<String, Sku> skus = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CODE, ID, WEIGHT_GRAMS FROM WB_SKU");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                skus.put(rs.getString(1), new Sku(rs.getLong(2), rs.getInt(3)));
            }
        }
        // a bundle weighs what is set for it, or (0 g stored) the sum of its components
        Map<String, List<Map.Entry<String, Integer>>> parts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT b.CODE, s.CODE, k.QUANTITY FROM WB_SKU_COMPONENT k "
                + "JOIN WB_SKU b ON b.ID = k.BUNDLE_SKU_ID JOIN WB_SKU s ON s.ID = k.COMPONENT_SKU_ID");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                parts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(Map.entry(rs.getString(2), rs.getInt(3)));
            }
        }
        for (String bundle : parts.keySet()) {
            Sku sku = skus.get(bundle);
            if (sku.weightGrams() == 0) {
                skus.put(bundle, new Sku(sku.id(), bundleWeight(bundle, skus, parts, 0)));
            }
        }
        return skus;
    }

    /** A store's marketplace SKU aliases: platform SKU -> Waybill SKU code. */
    static Map<String, String> loadAliases(Connection c, long storeId) throws SQLException {
        Map<String, String> aliases = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.PLATFORM_SKU, s.CODE FROM WB_SKU_ALIAS a "
                + "JOIN WB_SKU s ON s.ID = a.SKU_ID WHERE a.STORE_ID = ?")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    aliases.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return aliases;
    }

    /** The Waybill SKU code a platform SKU stands for (itself, or its alias in the store), or null: unmatched. */
    static String resolve(String platformSku, Map<String, ?> skus, Map<String, String> aliases) {
        String raw = platformSku == null ? "" : platformSku.strip();
        if (skus.containsKey(raw)) {
            return raw;
        }
        String aliased = aliases.get(raw);
        return aliased != null && skus.containsKey(aliased) ? aliased : null;
    }

    /** The key a line is compared by: its Waybill SKU when matched, else the platform SKU as sent. */
    private String key(PlatformOrder.Line l) {
        String code = resolve(l.sku(), skus, aliases);
        return code != null ? code : l.sku().strip();
    }

    private List<String> unmatched(PlatformOrder o) {
        List<String> out = new ArrayList<>();
        for (PlatformOrder.Line l : o.lines()) {
            if (resolve(l.sku(), skus, aliases) == null && !out.contains(l.sku().strip())) {
                out.add(l.sku().strip());
            }
        }
        return out;
    }

    Counts write(long storeId, List<PlatformOrder> orders) throws SQLException {
        this.aliases = loadAliases(c, storeId);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int flagged = 0;
        for (int from = 0; from < orders.size(); from += CHUNK) {
            List<PlatformOrder> chunk = dedupe(orders.subList(from, Math.min(orders.size(), from + CHUNK)));
            Map<String, Existing> existing = existing(storeId, chunk);
            List<PlatformOrder> fresh = new ArrayList<>();
            for (PlatformOrder o : chunk) {
                Existing e = existing.get(o.platformOrderId().strip());
                if (e == null) {
                    fresh.add(o);
                    continue;
                }
                switch (update(e, o)) {
                    case UPDATED -> updated++;
                    case FLAGGED -> flagged++;
                    case UNCHANGED -> unchanged++;
                }
            }
            insert(storeId, fresh);
            created += fresh.size();
        }
        return new Counts(created, updated, unchanged, flagged);
    }

    /** Within one capture call the last version of an order wins. */
    private static List<PlatformOrder> dedupe(List<PlatformOrder> orders) {
        Map<String, PlatformOrder> byId = new LinkedHashMap<>();
        for (PlatformOrder o : orders) {
            byId.put(o.platformOrderId().strip(), o);
        }
        return new ArrayList<>(byId.values());
    }

    private enum Outcome { UPDATED, FLAGGED, UNCHANGED }

    private Outcome update(Existing e, PlatformOrder o) throws SQLException {
        boolean flagged = false;
        boolean changed = false;
        if (o.cancelled() && !e.cancelled()) {
            exec("UPDATE WB_ORDER SET CANCELLED = TRUE, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ?",
                    Timestamp.from(now), e.id());
            Jdbc.audit(c, e.packageId(), e.id(), actor, now, "PLATFORM_CANCELLED", e.packageStatus(),
                    e.packageStatus(), io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.PLATFORM_CANCELLED));
            flagged = true;
        }
        Address a = clean(o.shipTo());
        if (!a.equals(e.address())) {
            exec("UPDATE WB_ORDER SET BUYER_NAME = ?, COMPANY = ?, LINE1 = ?, LINE2 = ?, CITY = ?, STATE = ?, "
                            + "POSTAL_CODE = ?, COUNTRY_CODE = ?, PHONE = ?, EMAIL = ?, UPDATED_AT = ?, "
                            + "VERSION = VERSION + 1 WHERE ID = ?", a.name(), a.company(), a.line1(), a.line2(), a.city(),
                    a.state(), a.postalCode(), a.countryCode(), a.phone(), a.email(), Timestamp.from(now), e.id());
            Jdbc.audit(c, e.packageId(), e.id(), actor, now, "ADDRESS_CHANGED", e.packageStatus(), e.packageStatus(),
                    io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.ADDRESS_UPDATED));
            changed = true;
        }
        Map<String, Integer> lines = lineMap(o);
        if (!lines.equals(e.lines())) {
            // the lines of a split order (V33) are shared out among its packages: they change only after the split
            // is undone (else a package would carry lines the order no longer has)
            if (LINES_EDITABLE.contains(e.packageStatus()) && !split(e.id())) {
                exec("DELETE FROM WB_ORDER_LINE WHERE ORDER_ID = ?", e.id());
                exec("DELETE FROM WB_UNMATCHED_LINE WHERE ORDER_ID = ?", e.id());
                // an edited customs declaration (V25) declared the old lines: it follows the new ones again
                exec("DELETE FROM WB_PACKAGE_CUSTOMS_LINE WHERE PACKAGE_ID = ?", e.packageId());
                exec("DELETE FROM WB_PACKAGE_CUSTOMS WHERE PACKAGE_ID = ?", e.packageId());
                insertLines(e.id(), o);
                List<String> unmatched = unmatched(o);
                String status = e.packageStatus();
                if (!unmatched.isEmpty()) {
                    status = PackageStatus.SKU_UNMATCHED.name();
                    exec("DELETE FROM WB_PACKAGE_SHORTAGE WHERE PACKAGE_ID = ?", e.packageId());
                } else if (status.equals(PackageStatus.SKU_UNMATCHED.name())) {
                    status = PackageStatus.WAITING.name();
                }
                StatusGate gate = LINES_CHANGED.get(PackageStatus.valueOf(status));
                try (PreparedStatement ps = gate.prepare(c)) {
                    // a parcel that others were merged into (V30) also weighs what they hold
                    ps.setInt(1, (int) Math.min(Integer.MAX_VALUE, weight(o) + mergedWeight(c, e.packageId())));
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setString(3, e.packageStatus());
                    if (!gate.apply(ps, e.packageId())) {
                        // allocated (or voided) since read: the whole capture transaction rolls back
                        throw new IllegalStateException("Package " + e.packageId() + " of order " + o.orderNo()
                                + " changed during the capture; capture again");
                    }
                }
                Jdbc.audit(c, e.packageId(), e.id(), actor, now, "LINES_CHANGED", e.packageStatus(),
                        status, unmatched.isEmpty() ? io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.LINES_UPDATED)
                                : io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.LINES_UPDATED_UNMATCHED, String.join(", ", unmatched)));
                changed = true;
            } else {
                Jdbc.audit(c, e.packageId(), e.id(), actor, now, "LINES_CHANGE_REFUSED", e.packageStatus(),
                        e.packageStatus(), io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.LINES_CHANGE_REFUSED));
                flagged = true;
            }
        }
        PlatformOrder.Value value = cleanValue(o);
        Map<String, Price> prices = priceMap(o);
        if (!value.equals(e.value()) || (!prices.equals(e.prices()) && lines.equals(e.lines()))) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_ORDER SET CURRENCY = ?, TOTAL = ?, "
                    + "SHIPPING_PAID = ?, BUYER_PHONE = ?, BUYER_EMAIL = ?, SHIP_BY = ?, UPDATED_AT = ?, "
                    + "VERSION = VERSION + 1, BUYER_NOTE = ?, MARKETPLACE_IOSS = ? WHERE ID = ?")) {
                ps.setString(1, value.currency());
                ps.setBigDecimal(2, value.total());
                ps.setBigDecimal(3, value.shippingPaid());
                ps.setString(4, value.buyerPhone());
                ps.setString(5, value.buyerEmail());
                ps.setTimestamp(6, value.shipBy() == null ? null : Timestamp.from(value.shipBy()));
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setString(8, value.buyerNote());
                ps.setString(9, value.marketplaceIoss());
                ps.setLong(10, e.id());
                ps.executeUpdate();
            }
            if (!prices.equals(e.prices()) && lines.equals(e.lines())) {
                // same SKUs and quantities, other prices: the lines stay, their prices change (in any status)
                try (PreparedStatement ps = c.prepareStatement("UPDATE WB_ORDER_LINE SET UNIT_PRICE = ?, "
                        + "CURRENCY = ?, VERSION = VERSION + 1 WHERE ORDER_ID = ? AND SKU_ID = ?");
                     PreparedStatement pu = c.prepareStatement("UPDATE WB_UNMATCHED_LINE SET UNIT_PRICE = ?, "
                             + "CURRENCY = ? WHERE ORDER_ID = ? AND PLATFORM_SKU = ?")) {
                    for (Map.Entry<String, Price> p : prices.entrySet()) {
                        Sku sku = skus.get(p.getKey());
                        PreparedStatement target = sku != null ? ps : pu;
                        target.setBigDecimal(1, p.getValue().unitPrice());
                        target.setString(2, p.getValue().currency());
                        target.setLong(3, e.id());
                        if (sku != null) {
                            target.setLong(4, sku.id());
                        } else {
                            target.setString(4, p.getKey());
                        }
                        target.addBatch();
                    }
                    ps.executeBatch();
                    pu.executeBatch();
                }
            }
            Jdbc.audit(c, e.packageId(), e.id(), actor, now, "VALUE_CHANGED", e.packageStatus(), e.packageStatus(),
                    io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.VALUE_UPDATED));
            changed = true;
        }
        return flagged ? Outcome.FLAGGED : changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    /** The order's value as stored: blank text as null, amounts without trailing zeros. */
    static PlatformOrder.Value cleanValue(PlatformOrder o) {
        PlatformOrder.Value v = o.value();
        String currency = s(v.currency());
        if (currency == null) { // an order whose lines alone carry a currency is in that currency
            currency = o.lines().stream().map(l -> s(l.currency())).filter(Objects::nonNull).findFirst()
                    .orElse(null);
        }
        return new PlatformOrder.Value(strip(v.total()), strip(v.shippingPaid()), currency, s(v.buyerPhone()),
                s(v.buyerEmail()), v.shipBy(), note(v.buyerNote()), s(v.marketplaceIoss()));
    }

    /** The expected weight of the packages merged into this one (0 for a package that is no merge). */
    /** Whether the order's lines are shared out among several packages (a split, V33). */
    private boolean split(long orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM WB_PACKAGE WHERE ORDER_ID = ? "
                + "AND SPLIT_LINES > 0")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static long mergedWeight(Connection c, long packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(EXPECTED_WEIGHT_GRAMS), 0) FROM WB_PACKAGE "
                + "WHERE MERGED_INTO = ? AND STATUS = 'MERGED'")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Longest buyer note kept ({@code WB_ORDER.BUYER_NOTE}, V31); a longer one keeps its first characters. */
    static final int BUYER_NOTE_MAX = 2000;

    /** The buyer's note as stored: stripped, blank as null, at most {@link #BUYER_NOTE_MAX} characters. */
    static String note(String note) {
        String n = s(note);
        if (n == null || n.length() <= BUYER_NOTE_MAX) {
            return n;
        }
        int end = Character.isHighSurrogate(n.charAt(BUYER_NOTE_MAX - 1)) ? BUYER_NOTE_MAX - 1 : BUYER_NOTE_MAX;
        return n.substring(0, end);
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }

    /** Unit price per SKU (the first line of a SKU), in the line's currency or else the order's. */
    private Map<String, Price> priceMap(PlatformOrder o) {
        Map<String, Price> m = new HashMap<>();
        String orderCurrency = cleanValue(o).currency();
        for (PlatformOrder.Line l : o.lines()) {
            m.putIfAbsent(key(l), Price.of(l.unitPrice(), lineCurrency(l, orderCurrency)));
        }
        return m;
    }

    private static String lineCurrency(PlatformOrder.Line l, String orderCurrency) {
        if (l.unitPrice() == null) {
            return null;
        }
        String c = s(l.currency());
        return c != null ? c : orderCurrency;
    }

    private void insert(long storeId, List<PlatformOrder> fresh) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        int lineCount = fresh.stream().mapToInt(o -> o.lines().size()).sum();
        long next = Ids.reserve(c, fresh.size() * 2L + lineCount);
        try (PreparedStatement po = c.prepareStatement("INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, "
                + "PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, COMPANY, LINE1, LINE2, CITY, STATE, POSTAL_CODE, "
                + "COUNTRY_CODE, PHONE, EMAIL, CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT, CURRENCY, TOTAL, "
                + "SHIPPING_PAID, BUYER_PHONE, BUYER_EMAIL, SHIP_BY, BUYER_NOTE, MARKETPLACE_IOSS) "
                + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement pl = c.prepareStatement(LINE_INSERT);
             PreparedStatement pu = c.prepareStatement(UNMATCHED_INSERT);
             PreparedStatement pp = c.prepareStatement("INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, "
                     + "STATUS, EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT) "
                     + "VALUES (?, 1, ?, ?, ?, ?, 0, ?, ?)");
             PreparedStatement pa = c.prepareStatement("INSERT INTO WB_AUDIT_EVENT (PACKAGE_ID, ORDER_ID, ACTOR, "
                     + "OCCURRED_AT, ACTION, FROM_STATUS, TO_STATUS, REASON, REASON_CODE, REASON_PARAMS) VALUES (?, ?, ?, ?, "
                     + "'CAPTURED', NULL, ?, ?, ?, ?)")) {
            Timestamp ts = Timestamp.from(now);
            for (PlatformOrder o : fresh) {
                long orderId = next++;
                Address a = clean(o.shipTo());
                po.setLong(1, orderId);
                po.setLong(2, storeId);
                po.setString(3, o.platformOrderId().strip());
                po.setString(4, o.orderNo().strip());
                po.setString(5, a.name());
                po.setString(6, a.company());
                po.setString(7, a.line1());
                po.setString(8, a.line2());
                po.setString(9, a.city());
                po.setString(10, a.state());
                po.setString(11, a.postalCode());
                po.setString(12, a.countryCode());
                po.setString(13, a.phone());
                po.setString(14, a.email());
                po.setBoolean(15, o.cancelled());
                po.setTimestamp(16, Timestamp.from(o.createdAt() == null ? now : o.createdAt()));
                po.setTimestamp(17, ts);
                po.setTimestamp(18, ts);
                PlatformOrder.Value v = cleanValue(o);
                po.setString(19, v.currency());
                po.setBigDecimal(20, v.total());
                po.setBigDecimal(21, v.shippingPaid());
                po.setString(22, v.buyerPhone());
                po.setString(23, v.buyerEmail());
                po.setTimestamp(24, v.shipBy() == null ? null : Timestamp.from(v.shipBy()));
                po.setString(25, v.buyerNote());
                po.setString(26, v.marketplaceIoss());
                po.addBatch();
                int lineNo = 1;
                for (PlatformOrder.Line l : o.lines()) {
                    bindLine(pl, pu, next++, orderId, lineNo++, l, v.currency());
                }
                List<String> unmatched = unmatched(o);
                String status = unmatched.isEmpty() ? PackageStatus.WAITING.name()
                        : PackageStatus.SKU_UNMATCHED.name();
                long packageId = next++;
                if (unmatched.isEmpty()) {
                    createdWaiting.add(packageId);
                }
                pp.setLong(1, packageId);
                pp.setString(2, PackageNumbers.format(packageId));
                pp.setLong(3, orderId);
                pp.setString(4, status);
                pp.setInt(5, weight(o));
                pp.setTimestamp(6, Timestamp.from(o.createdAt() == null ? now : o.createdAt()));
                pp.setTimestamp(7, ts);
                pp.addBatch();
                pa.setLong(1, packageId);
                pa.setLong(2, orderId);
                pa.setString(3, actor);
                pa.setTimestamp(4, ts);
                pa.setString(5, status);
                io.waybill.core.model.Reason held = unmatched.isEmpty() ? null : io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.SKU_UNMATCHED, String.join(", ", unmatched));
                pa.setString(6, held == null ? null : held.english());
                pa.setString(7, held == null ? null : held.code());
                pa.setString(8, held == null ? null : held.encodedParams());
                pa.addBatch();
            }
            po.executeBatch();
            pl.executeBatch();
            pu.executeBatch();
            pp.executeBatch();
            pa.executeBatch();
        }
    }

    private void insertLines(long orderId, PlatformOrder o) throws SQLException {
        long next = Ids.reserve(c, o.lines().size());
        String orderCurrency = cleanValue(o).currency();
        try (PreparedStatement pl = c.prepareStatement(LINE_INSERT);
             PreparedStatement pu = c.prepareStatement(UNMATCHED_INSERT)) {
            int lineNo = 1;
            for (PlatformOrder.Line l : o.lines()) {
                bindLine(pl, pu, next++, orderId, lineNo++, l, orderCurrency);
            }
            pl.executeBatch();
            pu.executeBatch();
        }
    }

    static final String UNMATCHED_INSERT = "INSERT INTO WB_UNMATCHED_LINE (ID, ORDER_ID, LINE_NO, PLATFORM_SKU, "
            + "QUANTITY, UNIT_PRICE, CURRENCY, PLATFORM_LINE_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String LINE_INSERT = "INSERT INTO WB_ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, SKU_ID, "
            + "QUANTITY, UNIT_PRICE, CURRENCY, PLATFORM_LINE_ID) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)";

    /** Longest marketplace line id kept ({@code PLATFORM_LINE_ID}, V39); the validator refuses a longer one. */
    static final int LINE_ID_MAX = 200;

    /**
     * A matched line into WB_ORDER_LINE ({@code pl}), an unmatched one into WB_UNMATCHED_LINE ({@code pu}); both with
     * the marketplace's line id (V39), null when it gave none.
     */
    private void bindLine(PreparedStatement pl, PreparedStatement pu, long id, long orderId, int lineNo,
                          PlatformOrder.Line l, String orderCurrency) throws SQLException {
        String code = resolve(l.sku(), skus, aliases);
        if (code == null) {
            pu.setLong(1, id);
            pu.setLong(2, orderId);
            pu.setInt(3, lineNo);
            pu.setString(4, l.sku().strip());
            pu.setInt(5, l.quantity());
            pu.setBigDecimal(6, l.unitPrice());
            pu.setString(7, lineCurrency(l, orderCurrency));
            pu.setString(8, l.lineId());
            pu.addBatch();
            return;
        }
        pl.setLong(1, id);
        pl.setLong(2, orderId);
        pl.setInt(3, lineNo);
        pl.setLong(4, skus.get(code).id());
        pl.setInt(5, l.quantity());
        pl.setBigDecimal(6, l.unitPrice());
        pl.setString(7, lineCurrency(l, orderCurrency));
        pl.setString(8, l.lineId());
        pl.addBatch();
    }

    /** The sum of a bundle's components' weights (bundles without a weight of their own expanded). */
    static int bundleWeight(String bundle, Map<String, Sku> skus, Map<String, List<Map.Entry<String, Integer>>> parts,
                            int depth) {
        long grams = 0;
        for (Map.Entry<String, Integer> part : parts.get(bundle)) {
            Sku sku = skus.get(part.getKey());
            int each = sku.weightGrams() == 0 && parts.containsKey(part.getKey()) && depth < 10
                    ? bundleWeight(part.getKey(), skus, parts, depth + 1) : sku.weightGrams();
            grams += (long) each * part.getValue();
        }
        return (int) Math.min(Integer.MAX_VALUE, grams);
    }

    private int weight(PlatformOrder o) {
        return (int) Math.min(Integer.MAX_VALUE, expectedWeight(o, skus, aliases));
    }

    /** An order's expected parcel weight: packaging plus its matched SKUs' weights times quantities. */
    static long expectedWeight(PlatformOrder o, Map<String, Sku> skus, Map<String, String> aliases) {
        long grams = PACKAGING_GRAMS;
        for (PlatformOrder.Line l : o.lines()) {
            String code = resolve(l.sku(), skus, aliases);
            if (code != null) { // an unmatched line weighs nothing until it is mapped
                grams += (long) skus.get(code).weightGrams() * Math.max(0, l.quantity());
            }
        }
        return grams;
    }

    private Map<String, Integer> lineMap(PlatformOrder o) {
        Map<String, Integer> m = new HashMap<>();
        for (PlatformOrder.Line l : o.lines()) {
            m.merge(key(l), l.quantity(), Integer::sum);
        }
        return m;
    }

    /**
     * The orders of the chunk already stored, by platform order id. One point lookup per order through the unique
     * (STORE_ID, PLATFORM_ORDER_ID) index: an IN list over a growing table is planned from statistics taken when the
     * table was small and becomes a scan per chunk on Derby (capture then grows quadratically with the table).
     */
    private Map<String, Existing> existing(long storeId, List<PlatformOrder> chunk) throws SQLException {
        Map<String, Existing> result = new HashMap<>();
        try (PreparedStatement order = c.prepareStatement("SELECT o.ID, o.CANCELLED, o.BUYER_NAME, o.COMPANY, "
                + "o.LINE1, o.LINE2, o.CITY, o.STATE, o.POSTAL_CODE, o.COUNTRY_CODE, o.PHONE, o.EMAIL, "
                + "o.TOTAL, o.SHIPPING_PAID, o.CURRENCY, o.BUYER_PHONE, o.BUYER_EMAIL, o.SHIP_BY, o.BUYER_NOTE, "
                + "o.MARKETPLACE_IOSS FROM WB_ORDER o WHERE o.STORE_ID = ? AND o.PLATFORM_ORDER_ID = ?");
             PreparedStatement pkg = c.prepareStatement(
                     "SELECT p.ID, p.STATUS FROM WB_PACKAGE p WHERE p.ORDER_ID = ? ORDER BY p.ID");
             PreparedStatement lines = c.prepareStatement("SELECT s.CODE, l.QUANTITY, l.UNIT_PRICE, l.CURRENCY "
                     + "FROM WB_ORDER_LINE l JOIN WB_SKU s ON s.ID = l.SKU_ID WHERE l.ORDER_ID = ? "
                     + "UNION ALL SELECT u.PLATFORM_SKU, u.QUANTITY, u.UNIT_PRICE, u.CURRENCY FROM WB_UNMATCHED_LINE u "
                     + "WHERE u.ORDER_ID = ?")) {
            order.setLong(1, storeId);
            for (PlatformOrder o : chunk) {
                String platformId = o.platformOrderId().strip();
                long id;
                boolean cancelled;
                Address address;
                PlatformOrder.Value value;
                order.setString(2, platformId);
                try (ResultSet rs = order.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    id = rs.getLong(1);
                    cancelled = rs.getBoolean(2);
                    address = new Address(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12));
                    Timestamp shipBy = rs.getTimestamp(18);
                    value = new PlatformOrder.Value(strip(rs.getBigDecimal(13)), strip(rs.getBigDecimal(14)),
                            rs.getString(15), rs.getString(16), rs.getString(17),
                            shipBy == null ? null : shipBy.toInstant(), rs.getString(19), rs.getString(20));
                }
                long packageId;
                String packageStatus;
                pkg.setLong(1, id);
                try (ResultSet rs = pkg.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    packageId = rs.getLong(1);
                    packageStatus = rs.getString(2);
                }
                Map<String, Integer> lineMap = new HashMap<>();
                Map<String, Price> prices = new HashMap<>();
                lines.setLong(1, id);
                lines.setLong(2, id);
                try (ResultSet rs = lines.executeQuery()) {
                    while (rs.next()) {
                        lineMap.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                        prices.putIfAbsent(rs.getString(1), Price.of(rs.getBigDecimal(3), rs.getString(4)));
                    }
                }
                result.put(platformId, new Existing(id, cancelled, address, lineMap, packageId, packageStatus,
                        value, prices));
            }
        }
        return result;
    }


    /** Address with every field stripped and empty fields as null, as stored. */
    static Address clean(Address a) {
        return new Address(s(a.name()), s(a.company()), s(a.line1()), s(a.line2()), s(a.city()), s(a.state()),
                s(a.postalCode()), s(a.countryCode()), s(a.phone()), s(a.email()));
    }

    private static String s(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private void exec(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p == null) {
                    ps.setNull(i + 1, java.sql.Types.VARCHAR);

                } else {
                    ps.setObject(i + 1, p);
                }
            }
            ps.executeUpdate();
        }
    }

    static boolean sameText(String a, String b) {
        return Objects.equals(a, b);
    }
}
