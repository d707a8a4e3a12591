package io.waybill.core.internal;

import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;
import org.osgi.framework.ServiceReference;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/** Small reference data sets written with plain SQL, for tests that need exact control of stock. */
public final class Fixtures {
    private Fixtures() {
    }

    /** One store (code S1, platform test) with warehouses W1 (priority 1) and W2 (priority 2) and SKUs A, B, C. */
    public static void basic(DatabaseEngine db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (1, 1, 'S1', 'Store one', 'test')");
            st.execute("INSERT INTO WB_WAREHOUSE (ID, VERSION, CODE, NAME, COUNTRY_CODE) VALUES (11, 1, 'W1', 'One', 'CN')");
            st.execute("INSERT INTO WB_WAREHOUSE (ID, VERSION, CODE, NAME, COUNTRY_CODE) VALUES (12, 1, 'W2', 'Two', 'US')");
            st.execute("INSERT INTO WB_STORE_WAREHOUSE VALUES (1, 11, 1)");
            st.execute("INSERT INTO WB_STORE_WAREHOUSE VALUES (1, 12, 2)");
            st.execute("INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (21, 1, 'A', 'Sku A', 100)");
            st.execute("INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (22, 1, 'B', 'Sku B', 250)");
            st.execute("INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (23, 1, 'C', 'Sku C', 40)");
            st.execute("UPDATE WB_SEQUENCE SET SEQ_COUNT = 1000");
        }
    }

    /**
     * After {@link #basic}: bundle KIT (id 24, no weight of its own) = 2 x A + 1 x C, and bundle BOX (id 25, 900 g)
     * = 1 x KIT + 1 x B (a bundle inside a bundle: 2 A + 1 B + 1 C).
     */
    public static void bundles(DatabaseEngine db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (24, 1, 'KIT', 'Kit', 0)");
            st.execute("INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (25, 1, 'BOX', 'Box', 900)");
            st.execute("INSERT INTO WB_SKU_COMPONENT VALUES (24, 21, 2, 0)");
            st.execute("INSERT INTO WB_SKU_COMPONENT VALUES (24, 23, 1, 1)");
            st.execute("INSERT INTO WB_SKU_COMPONENT VALUES (25, 24, 1, 0)");
            st.execute("INSERT INTO WB_SKU_COMPONENT VALUES (25, 22, 1, 1)");
        }
    }

    public static Address address(String name) {
        return new Address(name, null, "1 Main Street", null, "Springfield", "IL", "62704", "US", null, null);
    }

    public static PlatformOrder order(String id, Object... skuQty) {
        PlatformOrder.Line[] lines = new PlatformOrder.Line[skuQty.length / 2];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = new PlatformOrder.Line((String) skuQty[2 * i], (Integer) skuQty[2 * i + 1]);
        }
        return new PlatformOrder(id, "NO-" + id, false, Instant.parse("2026-11-01T10:00:00Z"), address("Buyer " + id),
                List.of(lines));
    }

    public static int scalar(DatabaseEngine db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public static String string(DatabaseEngine db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    public static void exec(DatabaseEngine db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** A ServiceReference stand-in for registering plugins in the registry outside OSGi. */
    @SuppressWarnings("unchecked")
    public static <T> ServiceReference<T> reference() {
        return (ServiceReference<T>) Proxy.newProxyInstance(Fixtures.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "test-reference";
                    default -> null;
                });
    }

    public static PluginRegistryImpl registry() {
        return new PluginRegistryImpl();
    }
}
