package io.waybill.core.internal.workflow;

import io.waybill.core.internal.persistence.Jdbc;

import io.waybill.core.api.Permission;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.StockService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.model.StockRow;
import io.waybill.core.model.WarehouseInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stock counts and adjustments. Changes are conditional updates checked by the database (on hand never below
 * reserved), so they are safe against concurrent allocations; every change is audited.
 */
@Component(service = StockService.class)
public class StockServiceImpl implements StockService {
    /** Who may call what: checked first in every method that changes data. */
    private volatile Authorizer authorizer;

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    static final int MAX_QUANTITY = 10_000_000;
    private final DataSource ds;

    @Activate
    public StockServiceImpl(@Reference Database db) {
        this.ds = db.dataSource();
    }

    @Override
    public List<StockRow> list(String warehouseCode, String skuPrefix) {
        return Jdbc.inTransaction(ds, c -> {
            StringBuilder sql = new StringBuilder("SELECT w.CODE, s.CODE, s.NAME, st.LOCATION, st.ON_HAND, "
                    + "st.RESERVED FROM WB_STOCK st JOIN WB_WAREHOUSE w ON w.ID = st.WAREHOUSE_ID "
                    + "JOIN WB_SKU s ON s.ID = st.SKU_ID WHERE 1 = 1");
            List<String> params = new ArrayList<>();
            if (warehouseCode != null && !warehouseCode.isBlank()) {
                sql.append(" AND w.CODE = ?");
                params.add(warehouseCode.strip());
            }
            if (skuPrefix != null && !skuPrefix.isBlank()) {
                sql.append(" AND UPPER(s.CODE) LIKE ?");
                params.add(skuPrefix.strip().toUpperCase().replace("%", "").replace("_", "") + "%");
            }
            sql.append(" ORDER BY w.CODE, s.CODE");
            List<StockRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new StockRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getInt(5), rs.getInt(6)));
                    }
                }
            }
            return rows;
        });
    }

    @Override
    public List<WarehouseInfo> warehouses() {
        return Jdbc.inTransaction(ds, c -> {
            List<WarehouseInfo> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(WarehouseRows.SELECT + " ORDER BY CODE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(WarehouseRows.map(rs).info());
                }
            }
            return result;
        });
    }

    @Override
    public StockRow set(String warehouseCode, String skuCode, int onHand, String actor) {
        authorizer.require(actor, Permission.SET_STOCK);
        if (onHand < 0 || onHand > MAX_QUANTITY) {
            throw new OperationRefusedException("invalid_quantity",
                    "On-hand quantity must be between 0 and " + MAX_QUANTITY + ", got " + onHand + ".");
        }
        return change(warehouseCode, skuCode, actor, "STOCK_SET", "set to " + onHand, (c, ids, before) -> {
            if (onHand < before.reserved()) {
                throw new OperationRefusedException("below_reserved", "Cannot set " + skuCode + " in "
                        + warehouseCode + " to " + onHand + ": " + before.reserved()
                        + " are reserved for allocated packages.");
            }
            return onHand;
        });
    }

    @Override
    public StockRow adjust(String warehouseCode, String skuCode, int delta, String reason, String actor) {
        authorizer.require(actor, Permission.ADJUST_STOCK);
        if (delta == 0) {
            throw new OperationRefusedException("invalid_quantity", "The adjustment must not be 0.");
        }
        String why = TextRules.requireReason(reason == null || reason.isBlank() ? "adjustment" : reason, 500);
        return change(warehouseCode, skuCode, actor, "STOCK_ADJUSTED", (delta > 0 ? "+" : "") + delta + ": " + why,
                (c, ids, before) -> {
                    long after = (long) before.onHand() + delta;
                    if (after < 0) {
                        throw new OperationRefusedException("negative_stock", "Cannot remove " + (-delta) + " of "
                                + skuCode + " from " + warehouseCode + ": only " + before.onHand() + " on hand.");
                    }
                    if (after < before.reserved()) {
                        throw new OperationRefusedException("below_reserved", "Cannot remove " + (-delta) + " of "
                                + skuCode + " from " + warehouseCode + ": " + before.reserved()
                                + " are reserved for allocated packages.");
                    }
                    if (after > MAX_QUANTITY) {
                        throw new OperationRefusedException("invalid_quantity", "On hand would exceed " + MAX_QUANTITY);
                    }
                    return (int) after;
                });
    }

    private record Ids(long warehouseId, long skuId) {
    }

    @FunctionalInterface
    private interface NewOnHand {
        int compute(Connection c, Ids ids, StockRow before) throws SQLException;
    }

    private StockRow change(String warehouseCode, String skuCode, String actor, String action, String detail,
                            NewOnHand rule) {
        String who = actor == null || actor.isBlank() ? "system" : actor.strip();
        return Jdbc.inTransaction(ds, c -> {
            Ids ids = new Ids(idOf(c, "WB_WAREHOUSE", warehouseCode, "warehouse"), idOf(c, "WB_SKU", skuCode, "SKU"));
            ensureRow(c, ids);
            // lock the row first (no-op update), then read it: the rule sees the committed, locked values
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE WB_STOCK SET VERSION = VERSION + 1 WHERE WAREHOUSE_ID = ? AND SKU_ID = ?")) {
                ps.setLong(1, ids.warehouseId());
                ps.setLong(2, ids.skuId());
                ps.executeUpdate();
            }
            StockRow before = read(c, ids);
            int onHand = rule.compute(c, ids, before);
            if (onHand > 0 && isBundle(c, ids.skuId())) {
                throw new OperationRefusedException("bundle_has_no_stock", skuCode.strip() + " is a bundle (kit): it "
                        + "has no stock of its own. Book the stock of its components; allocation reserves them.");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE WB_STOCK SET ON_HAND = ? WHERE WAREHOUSE_ID = ? AND SKU_ID = ? AND RESERVED <= ?")) {
                ps.setInt(1, onHand);
                ps.setLong(2, ids.warehouseId());
                ps.setLong(3, ids.skuId());
                ps.setInt(4, onHand);
                if (ps.executeUpdate() != 1) {
                    throw new OperationRefusedException("below_reserved", "Stock changed concurrently; try again.");
                }
            }
            Jdbc.audit(c, null, null, who, Instant.now(), action, null, null,
                    skuCode + " @ " + warehouseCode + ": " + before.onHand() + " -> " + onHand + " (" + detail + ")");
            return read(c, ids);
        });
    }

    private static boolean isBundle(Connection c, long skuId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM WB_SKU_COMPONENT WHERE BUNDLE_SKU_ID = ?")) {
            ps.setLong(1, skuId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long idOf(Connection c, String table, String code, String what) throws SQLException {
        if (code == null || code.isBlank()) {
            throw new OperationRefusedException("unknown_" + what.toLowerCase(), "A " + what + " code is required.");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM " + table + " WHERE CODE = ?")) {
            ps.setString(1, code.strip());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OperationRefusedException("unknown_" + what.toLowerCase(),
                            "Unknown " + what + " '" + code.strip() + "'.");
                }
                return rs.getLong(1);
            }
        }
    }

    private void ensureRow(Connection c, Ids ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM WB_STOCK WHERE WAREHOUSE_ID = ? AND SKU_ID = ?")) {
            ps.setLong(1, ids.warehouseId());
            ps.setLong(2, ids.skuId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        long id = io.waybill.core.internal.persistence.Ids.next(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_STOCK (ID, VERSION, WAREHOUSE_ID, SKU_ID, "
                + "LOCATION, ON_HAND, RESERVED) VALUES (?, 1, ?, ?, NULL, 0, 0)")) {
            ps.setLong(1, id);
            ps.setLong(2, ids.warehouseId());
            ps.setLong(3, ids.skuId());
            ps.executeUpdate();
        }
    }

    private static StockRow read(Connection c, Ids ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT w.CODE, s.CODE, s.NAME, st.LOCATION, st.ON_HAND, "
                + "st.RESERVED FROM WB_STOCK st JOIN WB_WAREHOUSE w ON w.ID = st.WAREHOUSE_ID "
                + "JOIN WB_SKU s ON s.ID = st.SKU_ID WHERE st.WAREHOUSE_ID = ? AND st.SKU_ID = ?")) {
            ps.setLong(1, ids.warehouseId());
            ps.setLong(2, ids.skuId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new StockRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6));
            }
        }
    }
}
