package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.waybill.itests.Fixtures.ean13;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The product catalogue on the real distribution: a 200-product XLSX with one bad row is refused whole (its row and
 * reason shown, nothing written), the fixed file imports through {@code waybill:sku-import}, {@code sku-list} shows
 * it, the Products page shows and edits one product, and the CSV/XLSX exports read back with the edit.
 */
@Order(16)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogueIT {
    static final String PREFIX = "CAT-IT-";
    static final int PRODUCTS = 200;
    static final int BAD_ROW = 57;

    private WaybillDistribution waybill;
    /** Catalogue files to import: in the import folder, the only place the shell reads from. */
    private Path dir;
    /** Exports: in the output folder, the only place the shell writes into. */
    private Path out;

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        dir = waybill.importDir("catalogue");
        out = waybill.printDir("catalogue");
    }

    @AfterAll
    void tearDown() {
        WaybillDistribution.deleteTree(dir);
        WaybillDistribution.deleteTree(out);
    }

    private Path catalogue(String name, boolean withBadRow) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "CatalogueIT", "1.0");
            Worksheet ws = wb.newWorksheet("商品");
            String[] header = {"商品编码", "英文名称", "中文名称", "条码", "重量(克)", "长(毫米)", "宽(毫米)", "高(毫米)",
                    "申报价值", "币种", "海关编码", "原产国", "含电池"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            for (int i = 1; i <= PRODUCTS; i++) {
                String ean = ean13(i);
                if (withBadRow && i == BAD_ROW) {
                    ean = ean.substring(0, 12) + (char) ('0' + (ean.charAt(12) - '0' + 1) % 10);
                }
                ws.value(i, 0, String.format(PREFIX + "%03d", i));
                ws.value(i, 1, "Item " + i);
                ws.value(i, 2, "商品 " + i);
                ws.value(i, 3, ean);
                ws.value(i, 4, 100 + i);
                ws.value(i, 5, 200);
                ws.value(i, 6, 100);
                ws.value(i, 7, 50);
                ws.value(i, 8, 9.5);
                ws.value(i, 9, "USD");
                ws.value(i, 10, "392690");
                ws.value(i, 11, "CN");
                ws.value(i, 12, i % 10 == 0 ? "是" : "否");
            }
            wb.finish();
        }
        return file;
    }

    @Test
    @Order(1)
    void aFileWithOneBadRowIsRefusedWholeWithItsRowAndReason() throws IOException {
        // given
        Path bad = catalogue("catalogue-bad.xlsx", true);
        // when
        Result r = waybill.shell("waybill:sku-import --confirm " + bad);
        // then
        assertEquals(0, r.exitCode(), r::output);
        assertTrue(r.output().contains("200 rows") && r.output().contains("1 problems"), r::output);
        assertTrue(r.output().contains("row " + BAD_ROW + ", barcodes: '") && r.output().contains(
                "has a wrong check digit: EAN-13 ending in " + ean13(BAD_ROW).charAt(12) + " expected"), r::output);
        assertTrue(r.output().contains("Nothing imported"), r::output);
        Result list = waybill.shell("waybill:sku-list " + PREFIX);
        assertTrue(list.output().contains("No products match"), list::output);
    }

    @Test
    @Order(2)
    void theFixedFileImportsAllAndSkuListShowsThem() throws IOException {
        Path good = catalogue("catalogue.xlsx", false);
        Result r = waybill.shell("waybill:sku-import " + good + " --confirm");
        assertTrue(r.output().contains("Imported: 200 products (200 new, 0 updated)"), r::output);
        Result list = waybill.shell("waybill:sku-list " + PREFIX);
        assertTrue(list.output().contains("showing 1-200 of 200"), list::output);
        assertTrue(list.output().contains(PREFIX + "010") && list.output().contains(ean13(10))
                && list.output().contains("商品 10") && list.output().contains("battery"), list::output);
        // and importing it again is refused row by row: the SKUs exist
        Result again = waybill.shell("waybill:sku-import " + good);
        assertTrue(again.output().contains("200 problems") && again.output().contains("is already in the catalogue"),
                again::output);
    }

    @Test
    @Order(3)
    void theProductsPageShowsAndEditsAProduct() {
        try (Browser browser = Browser.open("catalogue", waybill)) {
            browser.login("admin", waybill.password());
            browser.await("signed in", () -> browser.path().equals("/delivery/waiting"));
            browser.go("/products");
            browser.filter("products-filter", "products-grid", PREFIX + "007");
            browser.await("grid shows " + PREFIX + "007", () -> browser.gridRows("products-grid").stream()
                    .anyMatch(row -> row.startsWith(PREFIX + "007 |") && row.contains("商品 7")));
            browser.click(browser.inGridRow("products-grid", PREFIX + "007 |", ".product-edit"));
            browser.byId("product-dialog");
            // a bad HS code is refused in the form with the validator's reason
            browser.type(By.cssSelector("#product-hs input"), "12AB");
            browser.click("product-save");
            String error = browser.awaitText("product-error", "shows the HS code reason", t -> t.contains("hs_code"));
            assertTrue(error.contains("must be 6 to 10 digits"), error);
            // corrected and a new weight: saved
            browser.type(By.cssSelector("#product-hs input"), "392690");
            browser.type(By.cssSelector("#product-weight input"), "777");
            browser.click("product-save");
            browser.awaitGone("product-dialog");
            browser.await("grid shows 0.777 kg", () -> browser.gridRows("products-grid").stream()
                    .anyMatch(row -> row.startsWith(PREFIX + "007 |") && row.contains("| 0.777 kg |")));
            browser.screenshot("catalogue-edited");
            // a bundle: 009 becomes a kit of 2 x 001 + 1 x 002; a zero quantity is refused with its reason first
            browser.go("/products");
            browser.filter("products-filter", "products-grid", PREFIX + "009");
            browser.click(browser.await("edit button of " + PREFIX + "009",
                    () -> browser.inGridRow("products-grid", PREFIX + "009 |", ".product-edit")));
            browser.byId("product-dialog");
            browser.type(By.cssSelector("#product-components input"), PREFIX + "001*0");
            browser.click("product-save");
            String zero = browser.awaitText("product-error", "shows the component quantity reason",
                    t -> t.contains("components"));
            assertTrue(zero.contains("'" + PREFIX + "001' has quantity 0"), zero);
            browser.type(By.cssSelector("#product-components input"), PREFIX + "001*2;" + PREFIX + "002");
            browser.click("product-save");
            browser.awaitGone("product-dialog");
            browser.await("grid shows the components of " + PREFIX + "009", () -> browser.gridRows("products-grid")
                    .stream().anyMatch(row -> row.startsWith(PREFIX + "009 |")
                            && row.contains(PREFIX + "001*2;" + PREFIX + "002*1")));
            // the page and the form in Simplified Chinese, a refusal with its Chinese kind before the facts
            browser.switchLanguage("简体中文");
            try {
                browser.go("/products");
                browser.await("Chinese heading 商品", () -> "商品".equals(browser.driver()
                        .findElement(By.cssSelector(".wb-title-row h2")).getText().strip()) ? "ok" : null);
                browser.filter("products-filter", "products-grid", PREFIX + "008");
                browser.click(browser.await("edit button of " + PREFIX + "008",
                        () -> browser.inGridRow("products-grid", PREFIX + "008 |", ".product-edit")));
                String label = String.valueOf(browser.js("return arguments[0].label;", browser.byId("product-weight")));
                assertEquals("重量（克）", label);
                browser.type(By.cssSelector("#product-currency input"), "XYZ");
                browser.click("product-save");
                String zh = browser.awaitText("product-error", "shows the currency reason", t -> t.contains("XYZ"));
                // the whole refusal in Chinese: the field by its Chinese name, the value as typed
                assertTrue(zh.startsWith("商品未保存：币种：“XYZ”不是 ISO 4217 币种代码"), zh);
                browser.screenshot("catalogue-chinese-form");
                browser.click("product-cancel");
            } finally {
                browser.switchLanguage("English");
            }
        }
        Result list = waybill.shell("waybill:sku-list " + PREFIX + "007");
        assertTrue(list.output().lines().anyMatch(l -> l.startsWith(PREFIX + "007") && l.contains(" 777 ")),
                list::output);
    }

    @Test
    @Order(4)
    void exportsReadBackWithTheEdit() throws IOException {
        Path csv = out.resolve("export.csv");
        Path xlsx = out.resolve("export.xlsx");
        assertTrue(waybill.shell("waybill:sku-export -o " + csv).output().contains("Wrote"));
        assertTrue(waybill.shell("waybill:sku-export --zh -o " + xlsx).output().contains("Wrote"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFFsku,name,name_zh,barcodes,weight_g"), lines.get(0));
        assertEquals(PRODUCTS, lines.stream().filter(l -> l.startsWith(PREFIX)).count());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(PREFIX + "007,Item 7,商品 7," + ean13(7) + ",777,")),
                () -> lines.stream().filter(l -> l.startsWith(PREFIX + "007")).findFirst().orElse("none"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(PREFIX + "009,") && l.endsWith(",\""
                + PREFIX + "001*2;" + PREFIX + "002*1\"")), () -> "the bundle's components column: " + lines.stream()
                .filter(l -> l.startsWith(PREFIX + "009")).findFirst().orElse("none"));
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in);
             Stream<Row> stream = wb.getFirstSheet().openStream()) {
            stream.forEach(r -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(r.getCellText(i));
                }
                rows.add(cells);
            });
        }
        assertEquals("商品编码", rows.get(0).get(0));
        assertEquals("重量(克)", rows.get(0).get(4));
        List<String> edited = rows.stream().filter(r -> r.get(0).equals(PREFIX + "007")).findFirst().orElseThrow();
        assertEquals(ean13(7), edited.get(3));
        assertEquals("777", edited.get(4));
        assertEquals(PRODUCTS, rows.stream().filter(r -> r.get(0).startsWith(PREFIX)).count());
        Path stock = out.resolve("stock.xlsx");
        assertTrue(waybill.shell("waybill:sku-export --stock -o " + stock).output().contains("Wrote"));
        assertTrue(Files.size(stock) > 0);
    }
}
