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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scan station's weight tolerance edited on Settings → Delivery settings in Chromium: a store's grams and
 * percent, a SKU's own grams (saved, then removed), and values the core refuses (out of range, unknown SKU) shown
 * with their reason and changing nothing. Every change is checked in {@code waybill:settings show}; the store's
 * original tolerance is restored at the end.
 */
@Order(15)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ToleranceBrowserIT {

    static final String STORE = "ACME-SHOP";
    static final String SKU = "SOCK-WOOL-3P";

    private WaybillDistribution waybill;
    private Browser browser;
    private int[] original;

    @BeforeAll
    void setUp(WaybillDistribution waybill) {
        this.waybill = waybill;
        original = storeTolerance();
        browser = Browser.open("tolerance", waybill);
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().equals("/delivery/waiting"));
        browser.go("/settings/delivery");
        browser.await("store tolerance grid lists " + STORE,
                () -> browser.gridRows("store-tolerance-grid").stream().anyMatch(r -> r.startsWith(STORE + " |")));
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
        if (original != null) {
            waybill.shell("waybill:settings tolerance " + STORE + " " + original[0] + " " + original[1]);
        }
        waybill.shell("waybill:settings sku-tolerance " + SKU + " none");
    }

    @Test
    @Order(1)
    void aStoresToleranceIsSavedFromTheForm() {
        // given: the row picked fills the form
        browser.click(browser.inGridRow("store-tolerance-grid", STORE + " |", "vaadin-grid-cell-content"));
        browser.await("form filled", () -> STORE.equals(browser.js(
                "return document.querySelector('#tolerance-store input').value;")));
        int grams = original[0] == 65 ? 66 : 65;
        // when
        browser.type(By.cssSelector("#tolerance-grams input"), String.valueOf(grams));
        browser.type(By.cssSelector("#tolerance-percent input"), "7");
        browser.click("tolerance-save");
        // then
        browser.await("grid shows " + grams + " g / 7 %", () -> browser.gridRows("store-tolerance-grid").stream()
                .anyMatch(r -> r.startsWith(STORE + " |") && r.endsWith("| " + grams + " | 7")));
        browser.screenshot("tolerance-store-saved");
        int[] now = storeTolerance();
        assertTrue(now[0] == grams && now[1] == 7, () -> "settings show: " + now[0] + " g / " + now[1] + " %");
    }

    @Test
    @Order(2)
    void aPercentOutOfRangeIsRefusedWithItsReasonAndChangesNothing() {
        int[] before = storeTolerance();
        assertTrue(STORE.equals(browser.js("return document.querySelector('#tolerance-store input').value;")),
                "the store stays picked after saving");
        browser.type(By.cssSelector("#tolerance-percent input"), "80");
        browser.click("tolerance-save");
        String error = browser.awaitText("tolerance-error", "the refusal", t -> !t.isBlank());
        browser.screenshot("tolerance-refused");
        assertTrue(error.contains("between 0 and 50"), error);
        int[] after = storeTolerance();
        assertTrue(after[0] == before[0] && after[1] == before[1], "the store's tolerance is unchanged");
    }

    @Test
    @Order(3)
    void aSkuGetsItsOwnToleranceAndLosesItAgain() {
        browser.type(By.cssSelector("#tolerance-sku input"), SKU);
        browser.type(By.cssSelector("#tolerance-sku-grams input"), "150");
        browser.click("tolerance-sku-save");
        browser.await("SKU grid lists " + SKU, () -> browser.gridRows("sku-tolerance-grid").stream()
                .anyMatch(r -> r.startsWith(SKU + " |") && r.endsWith("| 150")));
        assertTrue(waybill.shell("waybill:settings show").output().contains(SKU + ": 150 g"));

        browser.click("tolerance-sku-remove");
        browser.await("SKU grid without " + SKU, () -> browser.gridRows("sku-tolerance-grid").stream()
                .noneMatch(r -> r.startsWith(SKU + " |")));
        assertFalse(waybill.shell("waybill:settings show").output().contains(SKU + ": "));
    }

    @Test
    @Order(4)
    void anUnknownSkuIsRefusedByName() {
        browser.type(By.cssSelector("#tolerance-sku input"), "NO-SUCH-SKU-1");
        browser.type(By.cssSelector("#tolerance-sku-grams input"), "10");
        browser.click("tolerance-sku-save");
        String error = browser.awaitText("tolerance-error", "the refusal", t -> t.contains("NO-SUCH-SKU-1"));
        assertTrue(error.contains("NO-SUCH-SKU-1"), error);
    }

    private int[] storeTolerance() {
        Result show = waybill.shell("waybill:settings show");
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(STORE) + ": (\\d+) g or (\\d+) %").matcher(show.output());
        assertTrue(m.find(), () -> "tolerance of " + STORE + " in settings show:\n" + show.output());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }
}
