package io.waybill.ui.internal.views;

import io.waybill.ui.internal.i18n.WaybillI18NProvider;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AuditActionsTest {

    private final WaybillI18NProvider provider = new WaybillI18NProvider();

    @Test
    void everyKnownActionHasAnEnglishAndADifferentChineseName() {
        for (String code : AuditActions.KNOWN) {
            // when
            String en = AuditActions.label(code, (k, p) -> provider.getTranslation(k, Locale.ENGLISH, p));
            String zh = AuditActions.label(code, (k, p) -> provider.getTranslation(k, Locale.SIMPLIFIED_CHINESE, p));

            // then
            assertFalse(en.startsWith("!") || zh.startsWith("!"), code + ": " + en + " / " + zh);
            assertNotEquals(en, zh, code);
        }
    }

    @Test
    void theSeedsStepsReadAsTheirStatusesInChinese() {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        assertEquals("已分配库存", AuditActions.label("ALLOCATED", (k, p) -> provider.getTranslation(k, zh, p)));
        assertEquals("已同步到店铺", AuditActions.label("SYNCED", (k, p) -> provider.getTranslation(k, zh, p)));
        assertEquals("已作废", AuditActions.label("VOIDED", (k, p) -> provider.getTranslation(k, zh, p)));
    }

    @Test
    void anUnknownCodeIsShownAsItIsAndNoCodeAsNothing() {
        assertEquals("SOMETHING_NEW", AuditActions.label("SOMETHING_NEW", (k, p) -> "!" + k));
        assertEquals("", AuditActions.label(null, (k, p) -> "!" + k));
    }
}
