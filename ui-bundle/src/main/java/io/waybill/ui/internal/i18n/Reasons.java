package io.waybill.ui.internal.i18n;

import com.vaadin.flow.component.UI;
import io.waybill.core.api.OperationRefusedException;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What an operator reads when the core refuses something. The core's messages are English and carry the facts
 * (package numbers, SKUs, quantities); in English they are shown as they are. In another language the kind of
 * refusal, looked up by its code ({@code reason.<code>} in the message bundles), comes first in that language,
 * followed by the core's message for the facts: "缺货：Out of stock: A missing 2". An unknown code shows the
 * message alone.
 */
public final class Reasons {

    static final String PREFIX = "reason.";

    private Reasons() {
    }

    public static String text(Locale locale, String code, String message) {
        String facts = message == null ? "" : message;
        Locale target = WaybillI18NProvider.supported(locale);
        if (code == null || WaybillI18NProvider.ENGLISH.equals(target)) {
            return facts;
        }
        ResourceBundle bundle = WaybillI18NProvider.bundle(target);
        if (!bundle.containsKey(PREFIX + code)) {
            return facts;
        }
        String kind = bundle.getString(PREFIX + code);
        return facts.isBlank() ? kind : kind + "：" + facts;
    }

    /** The refusal in the language of the current UI. */
    public static String of(OperationRefusedException e) {
        UI ui = UI.getCurrent();
        return text(ui == null ? null : ui.getLocale(), e.code(), e.getMessage());
    }

    /** A reason with its code in the language of the current UI. */
    public static String of(String code, String message) {
        UI ui = UI.getCurrent();
        return text(ui == null ? null : ui.getLocale(), code, message);
    }
}
