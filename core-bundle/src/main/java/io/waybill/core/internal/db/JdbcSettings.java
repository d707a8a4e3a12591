package io.waybill.core.internal.db;

import java.nio.file.Path;

/**
 * Resolved JDBC settings: URL, credentials and the driver class for that URL.
 *
 * @param url      JDBC URL
 * @param user     user name or empty
 * @param password password or empty; never printed by {@link #toString()}
 * @param poolSize maximum connections
 */
public record JdbcSettings(String url, String user, String password, int poolSize) {

    /** Embedded Derby under the given directory. */
    public static String derbyUrl(Path directory) {
        return "jdbc:derby:" + directory.toAbsolutePath().toString().replace('\\', '/') + ";create=true";
    }

    /** Builds settings from Config Admin values, defaulting to Derby under {@code karaf.data}. */
    public static JdbcSettings from(DatabaseConfig config) {
        String url = config.url() == null ? "" : config.url().strip();
        if (url.isEmpty()) {
            url = derbyUrl(Path.of(System.getProperty("karaf.data", "data"), "waybill", "derby"));
        }
        return new JdbcSettings(url, config.user(), config.password(), Math.max(2, config.poolSize()));
    }

    public boolean isDerby() {
        return url.startsWith("jdbc:derby:");
    }

    /** Driver class for this URL; the drivers are embedded in the core bundle. */
    public String driverClassName() {
        if (isDerby()) {
            return "org.apache.derby.iapi.jdbc.AutoloadedDriver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        throw new IllegalArgumentException("Unsupported JDBC URL (Derby and PostgreSQL are supported): "
                + url.replaceAll("password=[^;&]*", "password=***"));
    }

    /** URL that shuts an embedded Derby database down cleanly, or null for other databases. */
    public String derbyShutdownUrl() {
        if (!isDerby()) {
            return null;
        }
        String base = url.substring(0, url.indexOf(';') < 0 ? url.length() : url.indexOf(';'));
        return base + ";shutdown=true";
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
