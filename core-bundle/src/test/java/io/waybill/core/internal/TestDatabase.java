package io.waybill.core.internal;

import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;

import java.net.URL;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens a fresh embedded Derby database (in memory, or on disk under a given directory) for one test. */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabase() {
    }

    public static DatabaseEngine inMemory() throws Exception {
        String url = "jdbc:derby:memory:waybill-test-" + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + ";create=true";
        return open(url);
    }

    public static DatabaseEngine onDisk(Path dir) throws Exception {
        return open(JdbcSettings.derbyUrl(dir));
    }

    private static DatabaseEngine open(String url) throws Exception {
        URL root = TestDatabase.class.getProtectionDomain().getCodeSource().getLocation();
        return new DatabaseEngine(new JdbcSettings(url, "", "", 4), root, TestDatabase.class.getClassLoader());
    }
}
