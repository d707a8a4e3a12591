package io.waybill.core.internal.carrier;

import io.waybill.core.internal.PostgresServer;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Migration V6 (WB_LABEL with a BYTEA column) and the carrier-label flow on a real PostgreSQL server. */
class PostgresCarrierLabelTest {

    @Test
    void carrierLabelsAreStoredAndDeletedOnPostgres() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            URL root = PostgresCarrierLabelTest.class.getProtectionDomain().getCodeSource().getLocation();
            DatabaseEngine db = new DatabaseEngine(new JdbcSettings(server.jdbcUrl(), server.user(), "", 4), root,
                    PostgresCarrierLabelTest.class.getClassLoader());
            assertEquals("PostgreSQL", db.productName());
            try (CarrierLabelJobsTest.Setup s = new CarrierLabelJobsTest.Setup(db)) {
                CarrierLabelJobsTest.storedShownAndDeletedOnVoid(s);
            }
        }
    }
}
