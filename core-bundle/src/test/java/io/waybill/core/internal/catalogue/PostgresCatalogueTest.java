package io.waybill.core.internal.catalogue;

import io.waybill.core.internal.PostgresServer;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.model.CatalogueFormat;
import io.waybill.core.model.CatalogueImportPreview;
import io.waybill.core.model.Product;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Migration V8 and the catalogue (import, paging with a filter, export) on a real PostgreSQL server. */
class PostgresCatalogueTest {

    @Test
    void catalogueImportListAndExportOnPostgres() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            URL root = PostgresCatalogueTest.class.getProtectionDomain().getCodeSource().getLocation();
            DatabaseEngine db = new DatabaseEngine(new JdbcSettings(server.jdbcUrl(), server.user(), "", 4), root,
                    PostgresCatalogueTest.class.getClassLoader());
            assertEquals("PostgreSQL", db.productName());
            ProductServiceImpl products = new ProductServiceImpl(db.dataSource(), Clock.systemUTC());
            products.setAuthorizer(TestAuthorizers.everyoneAdmin());
            String file = "sku,name,name_zh,barcodes,weight_g,declared_value,currency,magnet\n"
                    + "PG_1,Pen,钢笔,4006381333931,20,1.5,USD,yes\nPG-2,Mug,马克杯,,380,,,\n";
            CatalogueImportPreview p = products.previewImport("c.csv", file.getBytes(StandardCharsets.UTF_8), false,
                    "ann");
            assertEquals(List.of(), p.errors());
            assertEquals(2, products.confirmImport(p.previewId(), "ann"));
            Product pen = products.find("PG_1").orElseThrow();
            assertEquals(new BigDecimal("1.50"), pen.declaredValue());
            assertTrue(pen.magnet() && pen.enabled());
            assertEquals(1, products.list("pg_", 0, 50).total(), "'_' is matched literally");
            assertEquals(2, products.list("pg", 1, 50).total());
            assertEquals(1, products.list("pg", 1, 50).products().size(), "the second page of one");
            assertEquals(1, products.list("马克", 0, 50).total());
            assertEquals(3, CatalogueFiles.read(CatalogueFormat.XLSX,
                    products.exportCatalogue(CatalogueFormat.XLSX, true)).size());
            db.close();
        }
    }
}
