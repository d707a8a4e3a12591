package io.waybill.core.internal.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies versioned SQL migrations ({@code V<n>__<name>.sql}) in order, each in its own transaction, and records
 * them in {@code WB_SCHEMA_VERSION}. Applied migrations are never re-run; a failed one rolls back completely.
 * Scripts are portable SQL; the one type Derby and PostgreSQL spell differently, binary large objects, is written
 * {@code ${BLOB}} and becomes {@code BLOB(16M)} on Derby and {@code BYTEA} on PostgreSQL; a generated column's
 * {@code ${STORED}} is {@code STORED} on PostgreSQL, and an index column's {@code ${PATTERN}} (for LIKE prefixes) is
 * {@code varchar_pattern_ops} there; both are nothing on Derby.
 */
public final class MigrationRunner {

    /** The migrations shipped with this version of the core, in order. Append only; never edit a released one. */
    public static final List<String> MIGRATIONS = List.of(
            "V1__initial_schema.sql",
            "V2__carrier_upload.sql",
            "V3__ship_and_sync.sql",
            "V4__serial_numbers.sql",
            "V5__order_lookup_index.sql",
            "V6__carrier_labels.sql",
            "V7__warehouse_master.sql",
            "V8__product_master.sql",
            "V9__order_value.sql",
            "V10__sku_unmatched.sql",
            "V11__store_admin.sql",
            "V12__product_bundles.sql",
            "V15__last_weighing.sql",
            "V16__package_notes_tags.sql",
            "V19__structured_reasons.sql",
            "V20__user_preferences.sql",
            "V21__logistics_rules.sql",
            "V22__rule_decisions.sql",
            "V24__customs_master_data.sql",
            "V25__package_declarations.sql",
            "V26__million_packages.sql",
            "V29__cross_border_carrier_codes.sql",
            "V30__package_merge.sql",
            "V31__order_buyer_note.sql",
            "V32__order_marketplace_ioss.sql",
            "V33__package_split.sql", "V35__package_store_country.sql", "V37__package_sort_keys.sql",
            "V38__package_number_weight_sorts.sql",
            "V39__order_line_platform_id.sql",
            "V40__package_status_id.sql");


    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    private static final String RESOURCE_DIR = "/io/waybill/core/internal/db/migration/";

    private final DataSource dataSource;

    public MigrationRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies pending migrations and returns how many were applied. */
    public int migrate() throws SQLException {
        return migrate(Integer.MAX_VALUE);
    }

    /**
     * Applies pending migrations up to version {@code upTo} (a database as an older Waybill left it, for upgrade
     * tests) and returns how many were applied.
     */
    int migrate(int upTo) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ensureVersionTable(c);
            int current = currentVersion(c);
            int applied = 0;
            for (String name : MIGRATIONS) {
                int version = versionOf(name);
                if (version <= current || version > upTo) {
                    continue;
                }
                apply(c, version, name);
                applied++;
            }
            return applied;
        }
    }

    /** Highest applied version, 0 when none. */
    public int currentVersion() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ensureVersionTable(c);
            return currentVersion(c);
        }
    }

    static int versionOf(String name) {
        int sep = name.indexOf("__");
        if (!name.startsWith("V") || sep < 2) {
            throw new IllegalArgumentException("Migration name must be V<n>__<name>.sql: " + name);
        }
        return Integer.parseInt(name.substring(1, sep));
    }

    /** Splits a script into statements at semicolons that end a line; drops comment lines. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                result.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    /** The script with the dialect placeholders of the connected database's product filled in. */
    static String dialect(String script, String productName) {
        boolean postgres = productName != null && productName.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        // a statement for one database only: its line starts with --@derby or --@postgres (a comment elsewhere)
        return script.replaceAll("(?m)^--@" + (postgres ? "postgres" : "derby") + " ", "")
                .replace("${BLOB}", postgres ? "BYTEA" : "BLOB(16M)")
                .replace(" ${STORED}", postgres ? " STORED" : "")
                .replace(" ${PATTERN}", postgres ? " varchar_pattern_ops" : "");
    }

    private void apply(Connection c, int version, String name) throws SQLException {
        String script = dialect(load(name), c.getMetaData().getDatabaseProductName());
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String sql : statements(script)) {
                st.execute(sql);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO WB_SCHEMA_VERSION (VERSION, NAME, APPLIED_AT) VALUES (?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, name);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
            LOG.info("Applied database migration {}", name);
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("Migration " + name + " failed and was rolled back: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static String load(String name) {
        try (InputStream in = MigrationRunner.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("Migration script missing from the bundle: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read migration " + name, e);
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        if (tableExists(c, "WB_SCHEMA_VERSION")) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE WB_SCHEMA_VERSION (VERSION INTEGER NOT NULL PRIMARY KEY, "
                    + "NAME VARCHAR(200) NOT NULL, APPLIED_AT TIMESTAMP NOT NULL)");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String candidate : new String[] {table, table.toLowerCase()}) {
            try (ResultSet rs = md.getTables(null, null, candidate, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(VERSION) FROM WB_SCHEMA_VERSION")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
