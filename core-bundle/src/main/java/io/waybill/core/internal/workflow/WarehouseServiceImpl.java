package io.waybill.core.internal.workflow;

import io.waybill.core.internal.persistence.Ids;
import io.waybill.core.internal.lifecycle.PackageLifecycle;

import io.waybill.core.internal.persistence.Jdbc;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.WarehouseService;
import io.waybill.core.api.WarehouseValidator;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.StockRow;
import io.waybill.core.model.Warehouse;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Warehouse master data in plain SQL: validated with {@link WarehouseValidator}, one transaction per change, each
 * change audited (action WAREHOUSE_*, the reason names the warehouse and what changed).
 */
@Component(service = WarehouseService.class)
public class WarehouseServiceImpl implements WarehouseService {

    private static final Pattern LOCATION = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/-]{0,39}");
    /** Statuses of a package still to be handled in its warehouse (everything before it left, except voided). */
    static final Set<PackageStatus> OPEN = open();

    private volatile Authorizer authorizer;
    private final DataSource ds;

    @Activate
    public WarehouseServiceImpl(@Reference Database db) {
        this.ds = db.dataSource();
    }

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    private static Set<PackageStatus> open() {
        EnumSet<PackageStatus> s = EnumSet.allOf(PackageStatus.class);
        s.removeAll(PackageLifecycle.LEFT_WAREHOUSE);
        s.remove(PackageStatus.VOIDED);
        return java.util.Collections.unmodifiableSet(s);
    }

    @Override
    public List<Warehouse> list() {
        return Jdbc.inTransaction(ds, c -> {
            List<Warehouse> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(WarehouseRows.SELECT + " ORDER BY CODE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(WarehouseRows.map(rs));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<Warehouse> get(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String wanted = code.strip();
        return list().stream().filter(w -> w.code().equalsIgnoreCase(wanted)).findFirst();
    }

    @Override
    public Warehouse create(Warehouse warehouse, String actor) {
        authorizer.require(actor, Permission.MANAGE_WAREHOUSES);
        Warehouse w = valid(warehouse).withEnabled(true);
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT CODE FROM WB_WAREHOUSE WHERE UPPER(CODE) = ?")) {
                ps.setString(1, w.code());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new OperationRefusedException(DUPLICATE, "A warehouse with code '" + rs.getString(1)
                                + "' exists already.");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_WAREHOUSE (ID, VERSION, CODE, NAME, KIND, "
                    + "LINE1, LINE2, CITY, STATE, POSTAL_CODE, COUNTRY_CODE, CONTACT_NAME, PHONE, EMAIL, ENABLED) "
                    + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)")) {
                ps.setLong(1, Ids.next(c));
                ps.setString(2, w.code());
                bind(ps, 3, w);
                ps.executeUpdate();
            }
            audit(c, actor, "WAREHOUSE_CREATED", w.code() + ": " + summary(w));
            return WarehouseRows.byCode(c, w.code());
        });
    }

    @Override
    public Warehouse update(Warehouse warehouse, String actor) {
        authorizer.require(actor, Permission.MANAGE_WAREHOUSES);
        Warehouse w = valid(warehouse);
        return Jdbc.inTransaction(ds, c -> {
            Warehouse before = existing(c, w.code());
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_WAREHOUSE SET VERSION = VERSION + 1, NAME = ?, "
                    + "KIND = ?, LINE1 = ?, LINE2 = ?, CITY = ?, STATE = ?, POSTAL_CODE = ?, COUNTRY_CODE = ?, "
                    + "CONTACT_NAME = ?, PHONE = ?, EMAIL = ? WHERE CODE = ?")) {
                int next = bind(ps, 1, w);
                ps.setString(next, before.code());
                ps.executeUpdate();
            }
            Warehouse after = WarehouseRows.byCode(c, before.code());
            audit(c, actor, "WAREHOUSE_UPDATED", before.code() + ": " + summary(before) + " -> " + summary(after));
            return after;
        });
    }

    @Override
    public Warehouse setEnabled(String code, boolean enabled, String actor) {
        authorizer.require(actor, Permission.MANAGE_WAREHOUSES);
        return Jdbc.inTransaction(ds, c -> {
            Warehouse before = existing(c, code);
            if (before.enabled() == enabled) {
                return before;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE WB_WAREHOUSE SET VERSION = VERSION + 1, ENABLED = ? WHERE CODE = ?")) {
                ps.setBoolean(1, enabled);
                ps.setString(2, before.code());
                ps.executeUpdate();
            }
            audit(c, actor, enabled ? "WAREHOUSE_ENABLED" : "WAREHOUSE_DISABLED", before.code());
            return WarehouseRows.byCode(c, before.code());
        });
    }

    @Override
    public void delete(String code, String actor) {
        authorizer.require(actor, Permission.MANAGE_WAREHOUSES);
        Jdbc.inTransaction(ds, c -> {
            Warehouse w = existing(c, code);
            long id = idOf(c, w.code());
            long onHand = count(c, "SELECT COALESCE(SUM(ON_HAND), 0) FROM WB_STOCK WHERE WAREHOUSE_ID = ?", id);
            String inList = OPEN.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
            long open = count(c, "SELECT COUNT(*) FROM WB_PACKAGE WHERE WAREHOUSE_ID = ? AND STATUS IN (" + inList
                    + ")", id);
            long all = count(c, "SELECT COUNT(*) FROM WB_PACKAGE WHERE WAREHOUSE_ID = ?", id);
            if (onHand > 0 || all > 0) {
                List<String> why = new ArrayList<>();
                if (onHand > 0) {
                    why.add("it holds stock (" + onHand + " on hand)");
                }
                if (open > 0) {
                    why.add("it has " + open + " open package" + (open == 1 ? "" : "s"));
                }
                if (all > open) {
                    why.add("its shipped or voided packages (" + (all - open) + ") keep their history");
                }
                throw new OperationRefusedException(IN_USE, "Warehouse " + w.code() + " cannot be deleted: "
                        + String.join("; ", why) + ". Disable it instead.");
            }
            for (String sql : List.of("DELETE FROM WB_STOCK WHERE WAREHOUSE_ID = ?",
                    "DELETE FROM WB_STORE_WAREHOUSE WHERE WAREHOUSE_ID = ?", "DELETE FROM WB_WAREHOUSE WHERE ID = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            audit(c, actor, "WAREHOUSE_DELETED", w.code() + ": " + summary(w));
            return null;
        });
    }

    @Override
    public StockRow setLocation(String warehouseCode, String skuCode, String location, String actor) {
        authorizer.require(actor, Permission.SET_BIN_LOCATION);
        String bin = location == null || location.isBlank() ? null : location.strip();
        if (bin != null && !LOCATION.matcher(bin).matches()) {
            throw new OperationRefusedException(INVALID_LOCATION, "Bin location '" + bin + "' must be 1-40 letters, "
                    + "digits, spaces or - _ . /, starting with a letter or digit.");
        }
        return Jdbc.inTransaction(ds, c -> {
            Warehouse w = existing(c, warehouseCode);
            long warehouseId = idOf(c, w.code());
            long skuId;
            try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM WB_SKU WHERE CODE = ?")) {
                ps.setString(1, skuCode == null ? "" : skuCode.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new OperationRefusedException("unknown_sku", "Unknown SKU '"
                                + (skuCode == null ? "" : skuCode.strip()) + "'.");
                    }
                    skuId = rs.getLong(1);
                }
            }
            String before = null;
            boolean exists = false;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT LOCATION FROM WB_STOCK WHERE WAREHOUSE_ID = ? AND SKU_ID = ?")) {
                ps.setLong(1, warehouseId);
                ps.setLong(2, skuId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        exists = true;
                        before = rs.getString(1);
                    }
                }
            }
            String sql = exists ? "UPDATE WB_STOCK SET VERSION = VERSION + 1, LOCATION = ? WHERE WAREHOUSE_ID = ? "
                    + "AND SKU_ID = ?" : "INSERT INTO WB_STOCK (LOCATION, WAREHOUSE_ID, SKU_ID, ID, VERSION, ON_HAND, "
                    + "RESERVED) VALUES (?, ?, ?, ?, 1, 0, 0)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, bin);
                ps.setLong(2, warehouseId);
                ps.setLong(3, skuId);
                if (!exists) {
                    ps.setLong(4, Ids.next(c));
                }
                ps.executeUpdate();
            }
            Jdbc.audit(c, null, null, who(actor), Instant.now(), "BIN_LOCATION_SET", null, null,
                    skuCode.strip() + " @ " + w.code() + ": " + (before == null ? "-" : before) + " -> "
                            + (bin == null ? "-" : bin));
            try (PreparedStatement ps = c.prepareStatement("SELECT w.CODE, s.CODE, s.NAME, st.LOCATION, st.ON_HAND, "
                    + "st.RESERVED FROM WB_STOCK st JOIN WB_WAREHOUSE w ON w.ID = st.WAREHOUSE_ID "
                    + "JOIN WB_SKU s ON s.ID = st.SKU_ID WHERE st.WAREHOUSE_ID = ? AND st.SKU_ID = ?")) {
                ps.setLong(1, warehouseId);
                ps.setLong(2, skuId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new StockRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getInt(6));
                }
            }
        });
    }

    private static Warehouse valid(Warehouse warehouse) {
        if (warehouse == null) {
            throw new OperationRefusedException(INVALID, "No warehouse data given.");
        }
        Warehouse w = WarehouseValidator.normalise(warehouse);
        List<WarehouseValidator.Problem> problems = WarehouseValidator.check(w);
        if (!problems.isEmpty()) {
            throw new OperationRefusedException(INVALID, WarehouseValidator.describe(problems));
        }
        return w;
    }

    private static Warehouse existing(Connection c, String code) throws SQLException {
        String wanted = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        try (PreparedStatement ps = c.prepareStatement(WarehouseRows.SELECT + " WHERE UPPER(CODE) = ?")) {
            ps.setString(1, wanted);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OperationRefusedException(UNKNOWN, wanted.isEmpty() ? "A warehouse code is required."
                            : "Unknown warehouse '" + code.strip() + "'.");
                }
                return WarehouseRows.map(rs);
            }
        }
    }

    private static long idOf(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM WB_WAREHOUSE WHERE CODE = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Binds NAME..EMAIL (11 parameters) from {@code first}; returns the next parameter index. */
    private static int bind(PreparedStatement ps, int first, Warehouse w) throws SQLException {
        String[] values = {w.name(), w.kind().name(), w.line1(), w.line2(), w.city(), w.state(), w.postalCode(),
                w.countryCode(), w.contactName(), w.phone(), w.email()};
        for (int i = 0; i < values.length; i++) {
            ps.setString(first + i, values[i]);
        }
        return first + values.length;
    }

    private static void audit(Connection c, String actor, String action, String reason) throws SQLException {
        Jdbc.audit(c, null, null, who(actor), Instant.now(), action, null, null,
                reason.length() > 1000 ? reason.substring(0, 1000) : reason);
    }

    private static String who(String actor) {
        return actor == null || actor.isBlank() ? "system" : actor.strip();
    }

    /** One line of the warehouse for the audit log. */
    static String summary(Warehouse w) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {w.name(), w.kind() == null ? null : w.kind().shellName(), w.line1(), w.line2(),
                w.postalCode(), w.city(), w.state(), w.countryCode(), w.contactName(), w.phone(), w.email()}) {
            if (s != null && !s.isBlank()) {
                parts.add(s);
            }
        }
        return String.join(", ", parts);
    }
}
