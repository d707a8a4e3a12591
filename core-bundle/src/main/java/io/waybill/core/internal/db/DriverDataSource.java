package io.waybill.core.internal.db;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Unpooled DataSource calling a JDBC driver instance directly. Avoids {@code DriverManager}, whose caller class
 * loader checks do not work across OSGi bundles; the pool sits on top of this.
 */
final class DriverDataSource implements DataSource {
    private final Driver driver;
    private final JdbcSettings settings;

    DriverDataSource(JdbcSettings settings, ClassLoader loader) {
        this.settings = settings;
        try {
            this.driver = (Driver) Class.forName(settings.driverClassName(), true, loader)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JDBC driver not available: " + settings.driverClassName(), e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(settings.user(), settings.password());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties props = new Properties();
        if (username != null && !username.isEmpty()) {
            props.setProperty("user", username);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        Connection c = driver.connect(settings.url(), props);
        if (c == null) {
            throw new SQLException("Driver " + settings.driverClassName() + " does not accept the configured URL");
        }
        return c;
    }

    Connection connect(String url) throws SQLException {
        return driver.connect(url, new Properties());
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
