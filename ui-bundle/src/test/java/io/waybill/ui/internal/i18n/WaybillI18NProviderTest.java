package io.waybill.ui.internal.i18n;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaybillI18NProviderTest {

    private final WaybillI18NProvider provider = new WaybillI18NProvider();

    @Test
    void bothLanguagesHaveTheSameKeys() {
        // given
        ResourceBundle en = WaybillI18NProvider.bundle(Locale.ENGLISH);
        ResourceBundle zh = WaybillI18NProvider.bundle(Locale.SIMPLIFIED_CHINESE);
        // when
        Set<String> missingInZh = new TreeSet<>(en.keySet());
        missingInZh.removeAll(zh.keySet());
        Set<String> missingInEn = new TreeSet<>(zh.keySet());
        missingInEn.removeAll(en.keySet());
        // reasons as data: English is the core's Reason sentence (ReasonsTest checks every code has a zh sentence),
        // an order's rows ({n,rows}) Reason.rows
        missingInEn.removeIf(k -> k.startsWith(Reasons.TEXT_PREFIX) || k.startsWith(Reasons.VERB_PREFIX)
                || k.startsWith(Reasons.FIELD_PREFIX) || k.startsWith("reasonrows."));
        // then
        assertTrue(missingInZh.isEmpty(), "missing in zh_CN: " + missingInZh);
        assertTrue(missingInEn.isEmpty(), "missing in en: " + missingInEn);
        assertTrue(en.keySet().size() > 40);
    }

    @Test
    void chineseTextDiffersFromEnglishAndIsReadAsUtf8() {
        ResourceBundle en = WaybillI18NProvider.bundle(Locale.ENGLISH);
        ResourceBundle zh = WaybillI18NProvider.bundle(Locale.SIMPLIFIED_CHINESE);
        for (String key : en.keySet()) {
            assertNotEquals(en.getString(key), zh.getString(key), key);
        }
        assertEquals("待发货", provider.getTranslation("nav.waiting", Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void loginErrorReadsAsSpecified() {
        assertEquals("Incorrect username or password", provider.getTranslation("login.failed", Locale.ENGLISH));
    }

    @Test
    void parametersAndPluralsAreFormatted() {
        assertEquals("No packages", provider.getTranslation("waiting.count", Locale.ENGLISH, 0L));
        assertEquals("1 package", provider.getTranslation("waiting.count", Locale.ENGLISH, 1L));
        assertEquals("1,234 packages", provider.getTranslation("waiting.count", Locale.ENGLISH, 1234L));
        assertEquals("3 个包裹", provider.getTranslation("waiting.count", Locale.SIMPLIFIED_CHINESE, 3));
    }

    @Test
    void unsupportedLocalesFallBackToEnglishAndAnyChineseToSimplified() {
        assertEquals("Plugins", provider.getTranslation("nav.plugins", Locale.GERMAN));
        assertEquals("Plugins", provider.getTranslation("nav.plugins", null));
        assertEquals("插件", provider.getTranslation("nav.plugins", Locale.TRADITIONAL_CHINESE));
        assertEquals(WaybillI18NProvider.LOCALES, provider.getProvidedLocales());
    }

    @Test
    void missingKeyIsVisibleNotFatal() {
        assertEquals("!no.such.key", provider.getTranslation("no.such.key", Locale.ENGLISH));
    }

    @Test
    void keysBuiltFromEnumsExistInBothLanguages() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (io.waybill.ui.internal.views.DeliveryTab t : io.waybill.ui.internal.views.DeliveryTab.values()) {
            keys.add("tab." + t.slug());
            keys.add("delivery.empty." + t.slug());
        }
        for (io.waybill.ui.internal.views.DeliveryTab.BatchAction a
                : io.waybill.ui.internal.views.DeliveryTab.BatchAction.values()) {
            keys.add("action." + a.name());
        }
        for (io.waybill.core.model.VoidReason r : io.waybill.core.model.VoidReason.values()) {
            keys.add("void.reason." + r.name());
        }
        for (io.waybill.core.model.PackageStatus s : io.waybill.core.model.PackageStatus.values()) {
            keys.add("status." + s.name());
        }
        for (io.waybill.core.model.BulkRun.Kind k : io.waybill.core.model.BulkRun.Kind.values()) {
            keys.add("bulk.title." + k.name());
        }
        for (io.waybill.core.model.LabelSize s : io.waybill.core.model.LabelSize.values()) {
            keys.add("print.size." + s.name());
        }
        for (io.waybill.core.model.WarehouseKind k : io.waybill.core.model.WarehouseKind.values()) {
            keys.add("warehouse.kind." + k.name());
        }
        for (String code : java.util.List.of("required", "too_long", "invalid_code", "unknown_country",
                "postal_required", "invalid_postal", "invalid_email", "invalid_phone")) {
            keys.add("warehouse.problem." + code);
        }
        for (io.waybill.core.model.SetupChecklist.Kind k : io.waybill.core.model.SetupChecklist.Kind.values()) {
            keys.add("setup.step." + k.name().toLowerCase(Locale.ROOT));
            keys.add("setup.hint." + k.name().toLowerCase(Locale.ROOT));
        }
        ResourceBundle en = WaybillI18NProvider.bundle(Locale.ENGLISH);
        for (String key : keys) {
            assertTrue(en.containsKey(key), key);
        }
    }

    @Test
    void seedTermsAreUsedInChinese() {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        assertEquals("分配库存", provider.getTranslation("action.ALLOCATE", zh));
        assertEquals("批量上传", provider.getTranslation("action.UPLOAD", zh));
        assertEquals("更新物流供应商信息", provider.getTranslation("action.REFRESH_TRACKING", zh));
        assertEquals("打印提货单", provider.getTranslation("action.PRINT_PICKING", zh));
        assertEquals("打印物流商面单", provider.getTranslation("action.PRINT_LABELS", zh));
        assertEquals("批量作废", provider.getTranslation("action.VOID", zh));
    }

    @Test
    void batchTextsReadAsSpecified() {
        assertEquals("Allocate inventory for 12 packages?",
                provider.getTranslation("confirm.allocate", Locale.ENGLISH, 12));
        assertEquals("Void 2 packages? This releases their reserved stock.",
                provider.getTranslation("void.step2", Locale.ENGLISH, 2));
        assertEquals("3 done, 1 failed", provider.getTranslation("batch.summary", Locale.ENGLISH, 3, 1));
        assertEquals("Waiting for Delivery (50)", provider.getTranslation("tab.withCount", Locale.ENGLISH,
                "Waiting for Delivery", 50L));
        assertEquals("10 rows, 8 valid orders, 1 already captured, 2 problems",
                provider.getTranslation("import.summary", Locale.ENGLISH, 10, 8, 1, 2));
        assertEquals("Import 8 orders", provider.getTranslation("import.confirm", Locale.ENGLISH, 8));
    }
}
