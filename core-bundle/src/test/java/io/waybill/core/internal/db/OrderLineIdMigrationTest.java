package io.waybill.core.internal.db;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.catalogue.ProductServiceImpl;
import io.waybill.core.internal.persistence.PackageContents;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.internal.sync.SyncJobWorker;
import io.waybill.spi.platform.PlatformOrder;
import io.waybill.spi.platform.ShipmentConfirmation.Item;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * V39 on Derby ({@link PostgresOrderLineIdMigrationTest}: PostgreSQL): a database as Waybill left it at V37, with an
 * order captured then, is upgraded; the old order's line keeps its data and has no marketplace line id (its partial
 * shipments are confirmed by SKU), a new capture stores each line's id, also on a line whose marketplace SKU is an
 * alias and on a held line mapped later.
 */
class OrderLineIdMigrationTest {

    @Test
    void upgradeOnDerby() throws Exception {
        String name = "memory:waybill-v39-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        EmbeddedDataSource raw = new EmbeddedDataSource();
        raw.setDatabaseName(name);
        raw.setCreateDatabase("create");
        URL root = OrderLineIdMigrationTest.class.getProtectionDomain().getCodeSource().getLocation();
        upgrade(raw, () -> new DatabaseEngine(new JdbcSettings("jdbc:derby:" + name, "", "", 4), root,
                OrderLineIdMigrationTest.class.getClassLoader()));
    }

    /** The upgrade scenario on any database: {@code raw} is not migrated yet, {@code open} opens the engine on it. */
    static void upgrade(DataSource raw, Callable<DatabaseEngine> open) throws Exception {
        // given: the schema at V37 and an order captured with it (lines without the marketplace's ids)
        new MigrationRunner(raw).migrate(37);
        assertEquals(37, new MigrationRunner(raw).currentVersion());
        try (Connection c = raw.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (1, 1, 'S1', 'Store one', "
                    + "'test')");
            st.execute("INSERT INTO WB_WAREHOUSE (ID, VERSION, CODE, NAME, COUNTRY_CODE) VALUES (11, 1, 'W1', 'One', "
                    + "'CN')");
            st.execute("INSERT INTO WB_STORE_WAREHOUSE VALUES (1, 11, 1)");
            st.execute("INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (21, 1, 'A', 'Sku A', 100)");
            st.execute("INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (22, 1, 'B', 'Sku B', 250)");
            st.execute("UPDATE WB_SEQUENCE SET SEQ_COUNT = 1000");
            st.execute("INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, "
                    + "CITY, STATE, POSTAL_CODE, COUNTRY_CODE, CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT) VALUES "
                    + "(501, 1, 1, 'old-1', 'NO-old-1', 'Old Buyer', '1 Main Street', 'Springfield', 'IL', '62704', "
                    + "'US', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO WB_ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, SKU_ID, QUANTITY, UNIT_PRICE, "
                    + "CURRENCY) VALUES (502, 1, 501, 1, 21, 2, 12.5000, 'USD')");
            st.execute("INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, STATUS, EXPECTED_WEIGHT_GRAMS, "
                    + "PRINT_COUNT, CREATED_AT, UPDATED_AT) VALUES (503, 1, 'WB503', 501, 'WAITING', 240, 0, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        // when: this version opens it
        try (DatabaseEngine db = open.call()) {
            // then: V39 applied, the old line as it was, without an id
            assertEquals(MigrationRunner.versionOf(MigrationRunner.MIGRATIONS.get(MigrationRunner.MIGRATIONS.size()
                    - 1)), new MigrationRunner(db.dataSource()).currentVersion());
            assertEquals(List.of("1 A 2 12.5 USD null"), lines(db, "old-1"));
            try (Connection c = db.dataSource().getConnection()) {
                assertEquals(List.of(new Item("A", 2)), SyncJobWorker.items(PackageContents.lines(c, 503)),
                        "an order captured before V39 is confirmed by SKU");
            }

            // a new capture stores each line's id: an aliased SKU's line and a held line (mapped later) too
            ProductServiceImpl products = new ProductServiceImpl(db.dataSource(), Clock.systemUTC());
            products.setAuthorizer(TestAuthorizers.everyoneAdmin());
            products.setAlias("S1", "MKT-B", "B", "sup");
            OrderCaptureServiceImpl capture = authorized(new OrderCaptureServiceImpl(db, Fixtures.registry()));
            PlatformOrder fresh = new PlatformOrder("new-1", "NO-new-1", false, Instant.parse("2026-12-01T10:00:00Z"),
                    Fixtures.address("New Buyer"), List.of(new PlatformOrder.Line("A", 1, null, null, "gid://L/1"),
                    new PlatformOrder.Line("MKT-B", 2).withLineId("gid://L/2"),
                    new PlatformOrder.Line("MKT-HELD", 1).withLineId(" gid://L/3 ")));
            capture.capture("S1", List.of(fresh), "sys");
            assertEquals(List.of("1 A 1 null null gid://L/1", "2 B 2 null null gid://L/2"), lines(db, "new-1"));
            assertEquals("gid://L/3", Fixtures.string(db, "SELECT u.PLATFORM_LINE_ID FROM WB_UNMATCHED_LINE u JOIN "
                    + "WB_ORDER o ON o.ID = u.ORDER_ID WHERE o.PLATFORM_ORDER_ID = 'new-1'"));
            assertEquals(1, products.setAlias("S1", "MKT-HELD", "A", "sup").released().size());
            assertEquals(List.of("1 A 1 null null gid://L/1", "2 B 2 null null gid://L/2",
                    "3 A 1 null null gid://L/3"), lines(db, "new-1"), "the id moves with the mapped line");
            capture.capture("S1", List.of(fresh), "sys");
            assertEquals(3, lines(db, "new-1").size(), "captured again: unchanged");
            long pkg = Fixtures.scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                    + "WHERE o.PLATFORM_ORDER_ID = 'new-1'");
            try (Connection c = db.dataSource().getConnection()) {
                assertEquals(List.of(new Item("A", 1, "gid://L/1"), new Item("B", 2, "gid://L/2"),
                        new Item("A", 1, "gid://L/3")), SyncJobWorker.items(PackageContents.lines(c, pkg)),
                        "by line: each line's units with its id, whatever SKU the marketplace named");
            }
        }
    }

    /** The order's lines as "line no, SKU, quantity, price, currency, marketplace line id". */
    private static List<String> lines(DatabaseEngine db, String platformOrderId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT l.LINE_NO, s.CODE, l.QUANTITY, l.UNIT_PRICE, "
                     + "l.CURRENCY, l.PLATFORM_LINE_ID FROM WB_ORDER_LINE l JOIN WB_SKU s ON s.ID = l.SKU_ID JOIN "
                     + "WB_ORDER o ON o.ID = l.ORDER_ID WHERE o.PLATFORM_ORDER_ID = '" + platformOrderId
                     + "' ORDER BY l.LINE_NO")) {
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " "
                        + (rs.getBigDecimal(4) == null ? null : rs.getBigDecimal(4).stripTrailingZeros().toPlainString())
                        + " " + rs.getString(5) + " " + rs.getString(6));
            }
        }
        return out;
    }

    @Test
    void itemsOfLinesWithoutIdsAddUpBySkuAndLinesWithIdsStayApart() {
        List<PackageContents.Line> lines = List.of(new PackageContents.Line(1, 10, 1, 21, "A", 1, null),
                new PackageContents.Line(1, 11, 2, 22, "B", 2, "L2"), new PackageContents.Line(1, 12, 3, 21, "A", 3,
                        null), new PackageContents.Line(1, 13, 4, 22, "B", 1, "L4"));
        assertEquals(List.of(new Item("B", 2, "L2"), new Item("B", 1, "L4"), new Item("A", 4)),
                SyncJobWorker.items(lines));
        assertNull(SyncJobWorker.items(lines).get(2).lineId());
    }
}
