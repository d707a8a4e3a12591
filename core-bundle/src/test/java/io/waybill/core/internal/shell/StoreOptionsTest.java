package io.waybill.core.internal.shell;

import io.waybill.core.model.PlatformType;
import io.waybill.core.model.SettingField;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The store commands' options: warehouses, yes/no, --set settings, and a secret never taken from an argument. */
class StoreOptionsTest {

    private static final PlatformType SHOPIFY = new PlatformType("shopify", "Shopify", "", "io.waybill.platform.shopify",
            "b", List.of(new SettingField("shop", "Shop", "", SettingField.Type.TEXT, true, null, List.of()),
            new SettingField(".accessToken", "Admin API access token", "", SettingField.Type.PASSWORD, true, null,
                    List.of())));

    @Test
    void warehousesKeepTheirOrder() {
        assertEquals(List.of("SZ-01", "LA-02", "W3"), StoreOptions.warehouses("SZ-01, LA-02 W3"));
        assertNull(StoreOptions.warehouses(null));
    }

    @Test
    void yesNoAndInterval() {
        assertTrue(StoreOptions.yesNo("YES", "--auto-sync"));
        assertFalse(StoreOptions.yesNo("off", "--auto-sync"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoreOptions.yesNo("maybe", "--enabled"));
        assertEquals("--enabled must be yes or no, not 'maybe'", e.getMessage());
        assertEquals(30, StoreOptions.interval("30"));
        assertThrows(IllegalArgumentException.class, () -> StoreOptions.interval("soon"));
    }

    @Test
    void settingsAreIdValuePairsAndASecretArgumentIsRefusedWithoutEchoingIt() {
        assertEquals(Map.of("shop", "acme", "baseUrl", "http://x:1/a=b"),
                StoreOptions.settings(List.of("shop=acme", "baseUrl=http://x:1/a=b"), SHOPIFY));
        IllegalArgumentException secret = assertThrows(IllegalArgumentException.class,
                () -> StoreOptions.settings(List.of(".accessToken=shpat_secret"), SHOPIFY));
        assertTrue(secret.getMessage().startsWith("'.accessToken' is a secret"), secret.getMessage());
        assertFalse(secret.getMessage().contains("shpat_secret"));
        assertThrows(IllegalArgumentException.class, () -> StoreOptions.settings(List.of("shop"), SHOPIFY));
    }

    @Test
    void storeCommandsTakeTheirOptionsAfterTheCode() {
        Map<String, List<String>> parsed = TrailingOptions.parse(List.of("--platform", "shopify", "-w", "SZ-01",
                "--set", "shop=a", "-s", "baseUrl=b", "--secrets-file=f.txt"), StoreOptions.OPTIONS, "usage");
        assertEquals(List.of("shopify"), parsed.get("platform"));
        assertEquals(List.of("shop=a", "baseUrl=b"), parsed.get("set"));
        assertEquals(List.of("f.txt"), parsed.get("secrets-file"));
    }
}
