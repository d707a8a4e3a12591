package io.waybill.core.internal.db;

import io.waybill.core.internal.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** V29: Amazon carrier names of YunExpress, 4PX and Yanwen; a mapping the seller already saved is kept. */
class CrossBorderCarrierCodesMigrationTest {

    private static Map<String, String> rows(Connection c) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT PLATFORM, CARRIER_ID, PLATFORM_CARRIER_CODE FROM "
                + "WB_CARRIER_CODE_MAP ORDER BY PLATFORM, CARRIER_ID")) {
            while (rs.next()) {
                rows.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
            }
        }
        return rows;
    }

    private static void runV29(Connection c) throws Exception {
        String script;
        try (InputStream in = MigrationRunner.class.getResourceAsStream(
                "/io/waybill/core/internal/db/migration/V29__cross_border_carrier_codes.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement s = c.createStatement()) {
            for (String statement : MigrationRunner.statements(MigrationRunner.dialect(script, "Apache Derby"))) {
                s.execute(statement);
            }
        }
    }

    @Test
    void freshDatabaseMapsTheCrossBorderCarriersOnAmazonAndNothingOnTikTok() throws Exception {
        try (DatabaseEngine db = TestDatabase.inMemory(); Connection c = db.dataSource().getConnection()) {
            Map<String, String> rows = rows(c);
            assertEquals("YunExpress", rows.get("amazon/yunexpress"));
            assertEquals("4PX", rows.get("amazon/4px"));
            assertEquals("Yanwen", rows.get("amazon/yanwen"));
            assertEquals(0, rows.keySet().stream().filter(k -> k.startsWith("tiktok/")).count(), rows.toString());
        }
    }

    @Test
    void aMappingTheSellerSavedIsKeptAndAMissingOneIsAdded() throws Exception {
        try (DatabaseEngine db = TestDatabase.inMemory(); Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE WB_CARRIER_CODE_MAP SET PLATFORM_CARRIER_CODE = 'Yun Express Seller' WHERE "
                        + "PLATFORM = 'amazon' AND CARRIER_ID = 'yunexpress'");
                s.executeUpdate("DELETE FROM WB_CARRIER_CODE_MAP WHERE PLATFORM = 'amazon' AND CARRIER_ID = '4px'");
            }
            runV29(c); // as on a database where the seller had mapped before the upgrade: no key clash
            Map<String, String> rows = rows(c);
            assertEquals("Yun Express Seller", rows.get("amazon/yunexpress"));
            assertEquals("4PX", rows.get("amazon/4px"));
            assertEquals("Yanwen", rows.get("amazon/yanwen"));
            runV29(c);
            assertEquals(rows, rows(c), "running it again changes nothing");
        }
    }
}
