package io.waybill.ui.internal.i18n;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReasonsTest {

    @Test
    void englishShowsTheCoresMessageAsItIs() {
        assertEquals("Out of stock: A missing 2",
                Reasons.text(Locale.ENGLISH, "out_of_stock", "Out of stock: A missing 2"));
    }

    @Test
    void chinesePutsTheKindOfRefusalFirstAndKeepsTheFacts() {
        assertEquals("缺货：Out of stock: A missing 2",
                Reasons.text(Locale.SIMPLIFIED_CHINESE, "out_of_stock", "Out of stock: A missing 2"));
        assertEquals("已发货：Package WB00000012 has already shipped.",
                Reasons.text(Locale.SIMPLIFIED_CHINESE, "already_shipped", "Package WB00000012 has already shipped."));
    }

    @Test
    void printRefusalsAreNamedInBothLanguages() {
        String refused = "Nothing was printed: 1 of 2 packages cannot have a carrier label: WB00000056 is voided.";
        assertEquals(refused, Reasons.text(Locale.ENGLISH, "not_printable", refused));
        assertEquals("当前状态不能打印：" + refused, Reasons.text(Locale.SIMPLIFIED_CHINESE, "not_printable", refused));
        assertEquals("包含标签字体无法打印的字符：x", Reasons.text(Locale.SIMPLIFIED_CHINESE, "unprintable_text", "x"));
    }

    @Test
    void anUnknownCodeOrNoMessageIsHandled() {
        assertEquals("something new", Reasons.text(Locale.SIMPLIFIED_CHINESE, "brand_new_code", "something new"));
        assertEquals("缺货", Reasons.text(Locale.SIMPLIFIED_CHINESE, "out_of_stock", null));
        assertEquals("plain", Reasons.text(Locale.SIMPLIFIED_CHINESE, null, "plain"));
        assertEquals("", Reasons.text(null, null, null));
    }
}
