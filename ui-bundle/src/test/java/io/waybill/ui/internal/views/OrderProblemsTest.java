package io.waybill.ui.internal.views;

import io.waybill.core.model.OrderCheck;
import io.waybill.ui.internal.i18n.WaybillI18NProvider;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderProblemsTest {

    private static final WaybillI18NProvider I18N = new WaybillI18NProvider();

    private static String text(OrderCheck.Problem p, Locale locale) {
        return OrderProblems.text(p, 30_000, (key, args) -> I18N.getTranslation(key, locale, args), locale);
    }

    @Test
    void codedProblemsAreSaidInTheOperatorsLanguage() {
        OrderCheck.Problem email = new OrderCheck.Problem("email", -1, "invalid_email", "not-an-email",
                "'not-an-email' is not an e-mail address (name@domain.tld)");
        assertEquals("'not-an-email' is not an e-mail address (name@domain.tld)", text(email, Locale.ENGLISH));
        assertEquals("“not-an-email”不是有效的电子邮箱地址（格式：name@domain.tld）", text(email, Locale.SIMPLIFIED_CHINESE));

        OrderCheck.Problem heavy = new OrderCheck.Problem("weight", -1, "too_heavy", "84.04", "...");
        assertEquals("The parcel would weigh 84.04 kg, more than the 30 kg one parcel may weigh: split the order "
                + "into several", text(heavy, Locale.ENGLISH));
        assertEquals("包裹预计重 84.04 kg，超过单个包裹上限 30 kg：请将订单拆分为多个", text(heavy, Locale.SIMPLIFIED_CHINESE));

        OrderCheck.Problem postal = new OrderCheck.Problem("postal_code", -1, "required", null,
                "is required for destination DE");
        assertEquals("Required", text(postal, Locale.ENGLISH));
        assertEquals("必填", text(postal, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void otherProblemsShowTheCoresReason() {
        OrderCheck.Problem other = new OrderCheck.Problem("city", -1, "invalid", null, "is too long (120 characters, "
                + "at most 100)");
        assertEquals("is too long (120 characters, at most 100)", text(other, Locale.ENGLISH));
    }
}
