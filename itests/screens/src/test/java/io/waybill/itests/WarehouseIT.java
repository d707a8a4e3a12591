package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Warehouse master data on the real distribution: a warehouse added through the shell with a full address (a bad
 * country refused with its reason), shown on the Warehouses page, edited there (a bad postal code marked on its
 * field first), its deletion refused while it holds stock (UI and shell), a bin location set, disabled, then emptied
 * and deleted. Finally the sender of a pool-carrier label: the street of the package's warehouse (changed through
 * {@code warehouse-set} to a street no other data has) is on the label, read back with {@code pdftotext}.
 */
@Order(16)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarehouseIT {

    static final String CODE = "WH-IT";
    static final String STORE = "ACME-EBAY";
    static final String SKU = "NOTE-A5-DOT";
    /** The demo warehouse that ships the label test's package (priority 1 of every demo store). */
    static final String SENDER = "SZ-01";
    static final String DEMO_STREET = "Building 5, Huarong Road 168, Dalang Street";
    static final String SENDER_STREET = "Building 9, Sender Test Road 77";
    private static final Duration DEPLOY_LIMIT = Duration.ofSeconds(60);
    private static final Duration TRACKING_LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");

    private WaybillDistribution waybill;
    private Browser browser;
    private Path files;
    private Path deployedKar;
    private String senderStreetBefore;

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        files = Files.createDirectories(waybill.home().resolve("it-files/warehouse"));
    }

    @AfterAll
    void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (senderStreetBefore != null) {
            waybill.shell("waybill:warehouse-set " + SENDER + " --street \"" + senderStreetBefore + "\"");
        }
        if (deployedKar != null && Files.deleteIfExists(deployedKar)) {
            waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0 && !POOL_ROW.matcher(r.output()).find(),
                    DEPLOY_LIMIT);
        }
    }

    private Map<String, String> warehouseRow(String code) {
        Result list = waybill.shell("waybill:warehouse-list");
        return ShellTables.row(list, "Code", code).orElse(null);
    }

    @Test
    @Order(1)
    void aWarehouseIsAddedThroughTheShellWithItsFullAddress() {
        // given: a bad country is refused first, with its reason, and writes nothing
        Result bad = waybill.shell("waybill:warehouse-add WH-BAD --name \"Bad\" --street \"1 Road\" --city Ningbo "
                + "--country XX");
        assertTrue(bad.output().contains("'XX' is not an ISO 3166 country code"), () -> "bad country:\n"
                + bad.output());
        assertEquals(null, warehouseRow("WH-BAD"));

        // when
        Result add = waybill.shell("waybill:warehouse-add " + CODE + " --name \"IT Warehouse Ningbo\" --street "
                + "\"88 Haishu Road\" --street2 \"Gate 3\" --city Ningbo --state Zhejiang --postal 315000 --country CN "
                + "--contact \"Zhang San\" --phone \"+86 574 8765 4321\" --email it-wh@example.com --kind overseas");

        // then
        assertTrue(add.output().contains("Added warehouse " + CODE), () -> "warehouse-add:\n" + add.output());
        Map<String, String> row = warehouseRow(CODE);
        assertTrue(row != null, () -> "warehouse-list:\n" + waybill.shell("waybill:warehouse-list").output());
        assertEquals("IT Warehouse Ningbo", row.get("Name"));
        assertEquals("overseas", row.get("Kind"));
        assertEquals("88 Haishu Road, Gate 3, 315000 Ningbo, Zhejiang", row.get("Address"));
        assertEquals("CN", row.get("Country"));
        assertEquals("yes", row.get("Enabled"));
        Result dup = waybill.shell("waybill:warehouse-add " + CODE.toLowerCase() + " --name X --street \"1 Road\" "
                + "--city Ningbo --postal 315000 --country CN");
        assertTrue(dup.output().contains("exists already"), () -> "duplicate:\n" + dup.output());
    }

    @Test
    @Order(2)
    void theWarehousesPageShowsItAndEditsIt() {
        // given
        browser = Browser.open("warehouse", waybill);
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().equals("/delivery/waiting"));
        browser.go("/warehouses");
        browser.await("warehouse grid lists " + CODE, () -> browser.gridRows("warehouse-grid").stream()
                .anyMatch(r -> r.startsWith(CODE + " |") && r.contains("88 Haishu Road")));

        // when: a postal code too short for China is marked on its field and nothing is saved
        browser.click(browser.await("edit button of " + CODE,
                () -> browser.inGridRow("warehouse-grid", CODE + " |", ".warehouse-edit")));
        browser.byId("warehouse-dialog");
        browser.type(By.cssSelector("#warehouse-postalCode input"), "31500");
        browser.click("warehouse-save");
        browser.await("postal code field marked invalid", () -> Boolean.TRUE.equals(browser.js(
                "return document.querySelector('#warehouse-postalCode').hasAttribute('invalid');")));
        browser.screenshot("warehouse-invalid-postal");
        assertTrue(warehouseRow(CODE).get("Address").contains("315000 Ningbo"), "nothing saved");

        // and: corrected, with a new city, it is saved
        browser.type(By.cssSelector("#warehouse-postalCode input"), "315800");
        browser.type(By.cssSelector("#warehouse-city input"), "Ningbo Beilun");
        browser.click("warehouse-save");

        // then
        browser.awaitGone("warehouse-dialog");
        browser.await("grid shows the new city", () -> browser.gridRows("warehouse-grid").stream()
                .anyMatch(r -> r.startsWith(CODE + " |") && r.contains("315800 Ningbo Beilun")));
        assertEquals("88 Haishu Road, Gate 3, 315800 Ningbo Beilun, Zhejiang", warehouseRow(CODE).get("Address"));
    }

    @Test
    @Order(3)
    void deleteIsRefusedWhileItHoldsStockThenItIsDisabledEmptiedAndDeleted() {
        // given: 3 on hand in a bin
        Result set = waybill.shell("waybill:stock-set " + CODE + " " + SKU + " 3");
        assertTrue(set.output().contains("on hand 3"), () -> "stock-set:\n" + set.output());
        Result bin = waybill.shell("waybill:stock-location " + CODE + " " + SKU + " B-07-02");
        assertTrue(bin.output().contains("location B-07-02"), () -> "stock-location:\n" + bin.output());
        assertEquals("B-07-02", ShellTables.row(waybill.shell("waybill:stock-list -w " + CODE), "SKU", SKU)
                .orElseThrow().get("Location"));

        // when: delete in the UI, confirmed
        browser.go("/warehouses");
        browser.click(browser.await("delete button of " + CODE,
                () -> browser.inGridRow("warehouse-grid", CODE + " |", ".warehouse-delete")));
        browser.click("warehouse-delete-confirm");

        // then: refused with the reason, the warehouse stays
        String error = browser.awaitText("warehouse-delete-error", "the refusal", t -> !t.isBlank());
        browser.screenshot("warehouse-delete-refused");
        assertTrue(error.contains("cannot be deleted") && error.contains("3 on hand") && error.contains("Disable"),
                error);
        browser.click("warehouse-delete-cancel");
        Result shellDelete = waybill.shell("waybill:warehouse-delete " + CODE);
        assertTrue(shellDelete.output().contains("cannot be deleted: it holds stock (3 on hand)"),
                () -> "warehouse-delete:\n" + shellDelete.output());
        assertTrue(warehouseRow(CODE) != null, "still there");

        // and: disabled instead
        Result disable = waybill.shell("waybill:warehouse-set " + CODE + " --disable");
        assertTrue(disable.output().contains("disabled"), () -> "warehouse-set --disable:\n" + disable.output());
        assertEquals("no", warehouseRow(CODE).get("Enabled"));

        // and: emptied, it can be deleted (so the classes after this one see the demo warehouses only)
        waybill.shell("waybill:stock-set " + CODE + " " + SKU + " 0");
        Result deleted = waybill.shell("waybill:warehouse-delete " + CODE);
        assertTrue(deleted.output().contains("Deleted warehouse " + CODE), () -> "delete:\n" + deleted.output());
        assertEquals(null, warehouseRow(CODE));
    }

    @Test
    @Order(4)
    void aPoolCarrierLabelShowsTheWarehouseStreetAsSender() throws IOException {
        // given: the pool carrier, the sending warehouse's street changed, one order of a SKU it stocks
        Path kar = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        deployedKar = waybill.deployDir().resolve(kar.getFileName());
        Files.copy(kar, deployedKar, StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), DEPLOY_LIMIT);
        assertTrue(warehouseRow(SENDER).get("Address").startsWith(DEMO_STREET), "the demo address of " + SENDER);
        senderStreetBefore = DEMO_STREET;
        Result street = waybill.shell("waybill:warehouse-set " + SENDER + " --street \"" + SENDER_STREET + "\"");
        assertTrue(street.output().contains(SENDER_STREET), () -> "warehouse-set:\n" + street.output());
        Result stock = waybill.shell("waybill:stock-adjust -r \"warehouse IT\" " + SENDER + " " + SKU + " 1");
        assertEquals(0, stock.exitCode(), () -> "stock-adjust:\n" + stock.output());
        Path orders = waybill.importDir("warehouse").resolve("sender.csv");
        Files.writeString(orders, Fixtures.HEADER + "\nWIT-SENDER,,2025-04-01 09:00,Ann Sender,,350 Fifth "
                + "Avenue,,New York,NY,10118,US,,," + SKU + ",1\n", StandardCharsets.UTF_8);
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + orders + "\"");
        assertTrue(imported.output().contains("Imported: 1 new"), () -> "import:\n" + imported.output());
        String pkg = ShellTables.rows(waybill.shell("waybill:package-list --store " + STORE + " --status waiting "
                        + "-n 1000")).stream().filter(r -> "WIT-SENDER".equals(r.get("Order no.")))
                .map(r -> r.get("Package no.")).findFirst().orElseThrow();

        // when
        Result alloc = waybill.shell("waybill:allocate " + pkg);
        assertTrue(alloc.output().contains("1 done"), () -> "allocate:\n" + alloc.output());
        assertTrue(waybill.shell("waybill:package-show " + pkg).output().contains(SENDER),
                () -> "allocated in " + SENDER);
        Result upload = waybill.shell("waybill:upload " + pkg);
        assertTrue(upload.output().contains("1 queued"), () -> "upload:\n" + upload.output());
        waybill.shellUntil("waybill:package-list --store " + STORE + " --status tracked -n 1000",
                r -> r.output().contains(pkg), TRACKING_LIMIT);
        Path pdf = waybill.printDir("warehouse").resolve("sender-label.pdf");
        Result print = waybill.shell("waybill:print -o \"" + pdf + "\" " + pkg);
        assertTrue(print.output().contains("Wrote "), () -> "print:\n" + print.output());

        // then
        Result text = WaybillDistribution.run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), null,
                Map.of(), Duration.ofSeconds(60));
        assertEquals(0, text.exitCode(), () -> "pdftotext:\n" + text.output());
        WaybillDistribution.log("sender label text: %s", text.output().replace('\n', '|'));
        String flat = text.output().replaceAll("\\s+", " ");
        assertTrue(flat.contains(SENDER_STREET), () -> "'" + SENDER_STREET + "' as sender on the label:\n"
                + text.output());
    }
}
