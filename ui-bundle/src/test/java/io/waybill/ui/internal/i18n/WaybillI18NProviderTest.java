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
}
