package io.waybill.core.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Opens the database: pooled DataSource, pending migrations, EntityManagerFactory. Independent of OSGi so that
 * unit tests and benchmarks use exactly the production path.
 */
public final class DatabaseEngine implements Database, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseEngine.class);

    private final JdbcSettings settings;
    private final DriverDataSource raw;
    private final HikariDataSource pool;
    private final EntityManagerFactory emf;
    private final String productName;

    /**
     * @param root   persistence unit root URL (bundle entry "/" in OSGi, classes directory in tests)
     * @param loader class loader that sees the entities and the embedded JDBC drivers
     */
    public DatabaseEngine(JdbcSettings settings, URL root, ClassLoader loader) throws SQLException {
        this.settings = settings;
        if (settings.isDerby() && System.getProperty("derby.stream.error.file") == null) {
            String data = System.getProperty("karaf.data");
            if (data != null) {
                System.setProperty("derby.stream.error.file", data + "/log/derby.log");
            }
        }
        if (settings.isDerby()) {
            // Derby's defaults suit a small embedded database: 1,000 cached pages (4 MB) make a 100,000-order import
            // or a million stored packages page in and out, and identity values preallocated 100 at a time make
            // concurrent audit inserts queue on the sequence. 4,000 pages are 16 MB of 4 KB pages (at most 128 MB if
            // they were all 32 KB label pages) inside Karaf's 512 MB heap. Explicit system properties still win.
            defaultProperty("derby.storage.pageCacheSize", "4000");
            defaultProperty("derby.language.sequence.preallocator", "1000");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            this.raw = new DriverDataSource(settings, loader);
            HikariConfig config = new HikariConfig();
            config.setPoolName("waybill");
            config.setDataSource(raw);
            config.setMaximumPoolSize(settings.poolSize());
            config.setMinimumIdle(1);
            config.setAutoCommit(true);
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            this.pool = new HikariDataSource(config);
            try (Connection c = pool.getConnection()) {
                this.productName = c.getMetaData().getDatabaseProductName();
            }
            int applied = new MigrationRunner(pool).migrate();
            LOG.info("Database {} ready ({} migration(s) applied)", productName, applied);
            WaybillPersistenceUnit unit = new WaybillPersistenceUnit(pool, root, loader);
            this.emf = new PersistenceProvider().createContainerEntityManagerFactory(unit, Map.of());
            this.emf.createEntityManager().close(); // fail fast on mapping errors
        } catch (SQLException | RuntimeException e) {
            closeQuietly();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public EntityManagerFactory emf() {
        return emf;
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public String productName() {
        return productName;
    }

    public JdbcSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (emf != null && emf.isOpen()) {
                emf.close();
            }
        } catch (RuntimeException e) {
            LOG.debug("Closing EntityManagerFactory", e);
        }
        if (pool != null) {
            pool.close();
        }
        String shutdown = settings.derbyShutdownUrl();
        if (shutdown != null && raw != null) {
            try (Connection ignored = raw.connect(shutdown)) {
                LOG.debug("Derby did not report shutdown");
            } catch (SQLException e) {
                // Derby signals a clean single-database shutdown with SQLState 08006
                if (!"08006".equals(e.getSQLState())) {
                    LOG.warn("Derby shutdown: {}", e.getMessage());
                }
            }
        }
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
