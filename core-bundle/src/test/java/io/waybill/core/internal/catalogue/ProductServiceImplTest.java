package io.waybill.core.internal.catalogue;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.model.CatalogueFormat;
import io.waybill.core.model.CatalogueImportPreview;
import io.waybill.core.model.Product;
import io.waybill.core.model.ProductPage;
import io.waybill.core.model.RowError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductServiceImplTest {
    private static final String HEADER = "sku,name,name_zh,barcodes,weight_g,length_mm,width_mm,height_mm,"
            + "declared_value,currency,hs_code,origin_country,battery\n";
    private DatabaseEngine db;
    private ProductServiceImpl products;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        products = service(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static ProductServiceImpl service(DatabaseEngine db) {
        ProductServiceImpl s = new ProductServiceImpl(db.dataSource(), Clock.systemUTC());
        s.setAuthorizer(TestAuthorizers.everyoneAdmin());
        return s;
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBadRowRefusesTheWholeImportAndNothingIsWritten() throws Exception {
        // given a file of three products, the second with a wrong check digit, the third repeating the first SKU
        String file = HEADER
                + "P-1,Pen,钢笔,4006381333931,20,140,10,10,1.50,USD,960830,CN,no\n"
                + "P-2,Mug,马克杯,4006381333932,380,,,,,,,,\n"
                + "p-1,Pen again,,,20,,,,,,,,\n";
        // when
        CatalogueImportPreview preview = products.previewImport("cat.csv", csv(file), false, "ann");
        // then every problem is listed by row and column, and the preview cannot be confirmed
        assertEquals(3, preview.dataRows());
        assertNull(preview.previewId());
        assertFalse(preview.acceptable());
        assertEquals(List.of(
                new RowError(2, "barcodes", "'4006381333932' has a wrong check digit: EAN-13 ending in 1 expected"),
                new RowError(3, "sku", "'p-1' is also in row 1")), english(preview.errors()));
        // the same problems as data, for the reader's language
        assertEquals(List.of("product_barcode_check", "catalogue_also_in_row"), preview.errors().stream()
                .map(e -> e.structured().code()).toList());
        assertEquals(3, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_SKU"), "only the fixture's SKUs");
        assertEquals(0, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_SKU_BARCODE"));
        assertEquals("unknown_preview", assertThrows(OperationRefusedException.class,
                () -> products.confirmImport(null, "ann")).code());
    }

    @Test
    void aCleanFileIsImportedInOneGoAndListed() throws Exception {
        String file = HEADER
                + "P-1,Pen,钢笔,4006381333931,20,140,10,10,1.50,USD,9608.30,CN,no\n"
                + "P-2,\"Mug, large\",马克杯,036000291452|FREE-7,380,,,,,,,,yes\n";
        CatalogueImportPreview preview = products.previewImport("cat.csv", csv(file), false, "ann");
        assertEquals(List.of(), preview.errors());
        assertEquals(2, preview.newProducts());
        assertEquals(3, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_SKU"), "nothing written by the preview");
        // when
        assertEquals(2, products.confirmImport(preview.previewId(), "ann"));
        // then
        Product mug = products.find("P-2").orElseThrow();
        assertEquals("Mug, large", mug.name());
        assertEquals(List.of("036000291452", "FREE-7"), mug.barcodes());
        assertTrue(mug.battery());
        assertEquals("960830", products.find("P-1").orElseThrow().hsCode());
        ProductPage page = products.list("p-", 0, 50);
        assertEquals(2, page.total());
        assertEquals("P-1", page.products().get(0).sku());
        assertEquals(1, products.list("马克", 0, 50).total());
        assertEquals(1, products.list("4006381333931", 0, 50).total());
        assertEquals(1, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'CATALOGUE_IMPORTED'"));
    }

    @Test
    void storedSkusAndBarcodesClashUnlessUpdating() throws Exception {
        products.create(new Product("P-1", "Pen", null, List.of("4006381333931"), 20, null, null, null, null, null,
                null, null, null, null, false, false, false, false, true), "ann");
        String file = "sku,name,weight_g,barcodes\nA,Sku A renamed,100,\nP-9,Other,5,4006381333931\n";
        CatalogueImportPreview refused = products.previewImport("cat.csv", csv(file), false, "ann");
        assertEquals(List.of(
                new RowError(1, "sku", "'A' is already in the catalogue (import with \"update existing products\" / "
                        + "--update to change it)"),
                new RowError(2, "barcodes", "'4006381333931' already belongs to SKU P-1")), english(refused.errors()));
        // updating: A may change, the barcode still belongs to another SKU
        String fixed = "sku,name,weight_g\nA,Sku A renamed,100\nP-9,Other,5\n";
        CatalogueImportPreview ok = products.previewImport("cat.csv", csv(fixed), true, "ann");
        assertEquals(List.of(), ok.errors());
        assertEquals(1, ok.newProducts());
        assertEquals(1, ok.updated());
        products.confirmImport(ok.previewId(), "ann");
        assertEquals("Sku A renamed", products.find("A").orElseThrow().name());
    }

    @Test
    void confirmChecksAgainAndWritesNothingWhenTheCatalogueChangedMeanwhile() throws Exception {
        CatalogueImportPreview preview = products.previewImport("cat.csv",
                csv("sku,name,weight_g\nN-1,One,10\nN-2,Two,20\n"), false, "ann");
        products.create(Product.of("N-2", "Two, typed in meanwhile", 20), "bob");
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> products.confirmImport(preview.previewId(), "ann"));
        assertEquals("import_conflict", e.code());
        assertTrue(e.getMessage().contains("row 2, sku: 'N-2' is already in the catalogue"), e.getMessage());
        assertTrue(products.find("N-1").isEmpty(), "nothing of the import written");
    }

    @Test
    void chineseHeadersAndAMissingRequiredColumn() {
        String zh = "商品编码,英文名称,中文名称,重量（克）,币种,申报价值\nZ-1,Tea,茶叶,250,CNY,30\n";
        CatalogueImportPreview preview = products.previewImport("目录.csv", csv(zh), false, "ann");
        assertEquals(List.of(), preview.errors());
        products.confirmImport(preview.previewId(), "ann");
        assertEquals(new BigDecimal("30.00"), products.find("Z-1").orElseThrow().declaredValue());
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> products.previewImport("c.csv", csv("sku,name\nQ,Q\n"), false, "ann"));
        assertEquals("unreadable_file", e.code());
        assertTrue(e.getMessage().contains("weight_g / 重量(克)"), e.getMessage());
        assertEquals("unreadable_file", assertThrows(OperationRefusedException.class,
                () -> products.previewImport("c.csv", new byte[] {(byte) 0xC3, 0x28, 0x0A}, false, "ann")).code());
        List<RowError> unknown = products.previewImport("c.csv", csv("sku,name,weigth_g,weight_g\nQ,Q,1,1\n"), false,
                "ann").errors();
        assertEquals(1, unknown.size());
        assertEquals("weigth_g", unknown.get(0).column());
    }

    @Test
    void xlsxExportImportsBackUnchanged() throws Exception {
        // given a catalogue with every kind of field
        products.create(new Product("X-1", "Lamp", "台灯", List.of("5901234123457", "FREE-0001"), 1200, 30, 300, 200,
                150, new BigDecimal("19.99"), "EUR", "940520", "DE", "metal, glass; desk lamp", true, false, true,
                false, true), "ann");
        products.create(new Product("X-2", "Powder", null, List.of(), 500, null, null, null, null, null, null, null,
                null, null, false, false, false, true, false), "ann");
        byte[] xlsx = products.exportCatalogue(CatalogueFormat.XLSX, false);
        byte[] csvZh = products.exportCatalogue(CatalogueFormat.CSV, true);
        // when imported into an empty catalogue
        try (DatabaseEngine other = TestDatabase.inMemory()) {
            ProductServiceImpl copy = service(other);
            CatalogueImportPreview p = copy.previewImport("export.xlsx", xlsx, false, "ann");
            assertEquals(List.of(), p.errors());
            assertEquals(5, copy.confirmImport(p.previewId(), "ann"));
            // then every product is equal, and the exports are equal
            for (String sku : List.of("A", "B", "C", "X-1", "X-2")) {
                assertEquals(products.find(sku).orElseThrow(), copy.find(sku).orElseThrow(), sku);
            }
            assertArrayEquals(csvZh, copy.exportCatalogue(CatalogueFormat.CSV, true));
        }
    }

    @Test
    void bundlesRoundTripThroughCsvAndXlsxAndTheFormRefusesACycle() throws Exception {
        // given: a CSV with a nested bundle listed before its components, Chinese headers
        CatalogueImportPreview p = products.previewImport("kits.csv", csv("商品编码,英文名称,重量(克),套装组件\n"
                + "GIFT,Gift box,,KIT*1;B*2\n"
                + "KIT,Kit,300,A*2;C*1\n"), false, "ann");
        assertEquals(List.of(), p.errors());
        assertEquals(2, products.confirmImport(p.previewId(), "ann"));
        Product gift = products.find("GIFT").orElseThrow();
        assertEquals(List.of(new io.waybill.core.model.ProductComponent("KIT", 1),
                new io.waybill.core.model.ProductComponent("B", 2)), gift.components());
        assertNull(gift.weightGrams(), "no weight of its own: the sum of its components");
        assertEquals(300, products.find("KIT").orElseThrow().weightGrams());
        // the form refuses a cycle and an unknown component, writing nothing
        Product loop = products.find("KIT").orElseThrow().withComponents(List.of(
                new io.waybill.core.model.ProductComponent("GIFT", 1)));
        List<RowError> why = products.check(loop, true);
        assertEquals(List.of(new RowError(0, "components", "'KIT' would contain itself through another bundle: "
                + "KIT > GIFT > KIT")), english(why));
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> products.update(loop, "ann"));
        assertEquals("invalid_bundle", e.code());
        assertEquals(2, products.find("KIT").orElseThrow().components().size());
        // a SKU with stock cannot become a bundle
        Fixtures.exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 7, 0)");
        Product a = products.find("A").orElseThrow().withComponents(List.of(
                new io.waybill.core.model.ProductComponent("C", 1)));
        assertEquals("invalid_bundle", assertThrows(OperationRefusedException.class,
                () -> products.update(a, "ann")).code());
        // when exported as XLSX and CSV and imported into an empty catalogue
        for (CatalogueFormat f : CatalogueFormat.values()) {
            byte[] file = products.exportCatalogue(f, f == CatalogueFormat.CSV);
            try (DatabaseEngine other = TestDatabase.inMemory()) {
                ProductServiceImpl copy = service(other);
                CatalogueImportPreview again = copy.previewImport("export." + f.extension(), file, false, "ann");
                assertEquals(List.of(), again.errors(), f.name());
                copy.confirmImport(again.previewId(), "ann");
                // then the bundles are equal
                for (String sku : List.of("GIFT", "KIT", "A")) {
                    assertEquals(products.find(sku).orElseThrow(), copy.find(sku).orElseThrow(), sku);
                }
                assertArrayEquals(products.exportCatalogue(CatalogueFormat.CSV, false),
                        copy.exportCatalogue(CatalogueFormat.CSV, false));
            }
        }
    }

    @Test
    void templatesAndStockExportRead() throws Exception {
        for (CatalogueFormat f : CatalogueFormat.values()) {
            for (boolean zh : new boolean[] {false, true}) {
                CatalogueImportPreview p = products.previewImport("t." + f.extension(), products.template(f, zh),
                        false, "ann");
                assertEquals(List.of(), p.errors(), f + " " + zh);
                assertEquals(1, p.newProducts());
            }
        }
        Fixtures.exec(db, "INSERT INTO WB_STOCK (ID, VERSION, WAREHOUSE_ID, SKU_ID, ON_HAND, RESERVED) VALUES (901, 1, 11, 21, 7, 2)");
        List<List<String>> rows = CatalogueFiles.read(CatalogueFormat.XLSX, products.exportStock(CatalogueFormat.XLSX, false));
        assertEquals(List.of(List.of("warehouse", "sku", "name", "location", "on_hand", "reserved", "available"),
                List.of("W1", "A", "Sku A", "", "7", "2", "5")), rows);
    }

    @Test
    void formRulesAndPermissions() {
        OperationRefusedException invalid = assertThrows(OperationRefusedException.class,
                () -> products.create(Product.of("N", "", 0), "ann"));
        assertEquals("invalid_product", invalid.code());
        assertEquals("The product was not saved: name: is required; weight_g: 0 must be a positive number of grams",
                invalid.getMessage());
        assertEquals("duplicate_sku", assertThrows(OperationRefusedException.class,
                () -> products.create(Product.of("A", "again", 5), "ann")).code());
        assertEquals("unknown_sku", assertThrows(OperationRefusedException.class,
                () -> products.update(Product.of("NOPE", "x", 5), "ann")).code());
        products.setAuthorizer(TestAuthorizers.of(Map.of("olga", Set.of("operator"), "sam", Set.of("supervisor"))));
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> products.create(Product.of("N", "New", 5), "olga"));
        assertEquals("Not permitted: olga may not edit the product catalogue (needs the supervisor role)",
                e.getMessage());
        assertEquals("not_permitted", assertThrows(OperationRefusedException.class,
                () -> products.previewImport("c.csv", csv("sku,name,weight_g\nN,N,1\n"), false, "olga")).code());
        assertEquals("N", products.create(Product.of("N", "New", 5), "sam").sku());
    }

    @Test
    void aliasesPerStore() {
        products.setAlias("S1", "shop-sku-9", "A", "ann");
        products.setAlias("S1", "shop-sku-9", "B", "ann");
        assertEquals("B", products.aliases("S1").get(0).sku());
        assertEquals(1, products.aliases(null).size());
        assertEquals("unknown_store", assertThrows(OperationRefusedException.class,
                () -> products.setAlias("S9", "x", "A", "ann")).code());
        assertEquals("unknown_sku", assertThrows(OperationRefusedException.class,
                () -> products.setAlias("S1", "x", "NOPE", "ann")).code());
        assertTrue(products.removeAlias("S1", "shop-sku-9", "ann"));
        assertEquals(List.of(), products.aliases("S1"));
    }

    @Test
    void pagesAreOrderedBySkuWithATotal() {
        List<String> rows = new ArrayList<>(List.of("sku,name,weight_g"));
        for (int i = 0; i < 120; i++) {
            rows.add(String.format("K-%03d,Item %d,%d", i, i, i + 1));
        }
        CatalogueImportPreview p = products.previewImport("c.csv", csv(String.join("\n", rows)), false, "ann");
        products.confirmImport(p.previewId(), "ann");
        ProductPage page = products.list("k-", 50, 50);
        assertEquals(120, page.total());
        assertEquals("K-050", page.products().get(0).sku());
        assertEquals(50, page.products().size());
        // the short last page, a page past the end, a full page that ends exactly at the end, the count alone
        ProductPage last = products.list("k-", 100, 50);
        assertEquals(120, last.total());
        assertEquals(20, last.products().size());
        assertEquals("K-100", last.products().get(0).sku());
        assertEquals(120, products.list("k-", 200, 50).total());
        assertEquals(List.of(), products.list("k-", 200, 50).products());
        assertEquals(120, products.list("k-", 70, 50).total());
        assertEquals(120, products.list("K-", 0, 0).total());
        assertEquals(10, products.list("k-11", 0, 50).total());
        assertEquals(0, products.list("nothing", 0, 50).total());
    }

    /** The errors as their English words only (the reasons as data dropped). */
    private static List<RowError> english(List<RowError> errors) {
        return errors.stream().map(e -> new RowError(e.row(), e.column(), e.reason())).toList();
    }
}
