package io.waybill.ui.internal.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;

import java.util.Locale;

/** The UI language: chosen in the header, kept for the rest of the session. */
public final class LanguageSupport {

    private static final String SESSION_KEY = "waybill.locale";

    private LanguageSupport() {
    }

    /** Applies the language chosen earlier in this session, if any, to a new UI. */
    public static void applySessionLocale(UI ui) {
        Object chosen = ui.getSession().getAttribute(SESSION_KEY);
        if (chosen instanceof Locale locale) {
            ui.setLocale(locale);
        } else {
            ui.setLocale(WaybillI18NProvider.supported(ui.getLocale()));
        }
    }

    /** The language switch ({@code id="language-switch"}); choosing a language reloads the page in it. */
    public static Select<Locale> createSwitch() {
        Select<Locale> select = new Select<>();
        select.setId("language-switch");
        select.addClassName("wb-language");
        select.setItems(WaybillI18NProvider.LOCALES);
        // each language is named in itself, so people find theirs whatever is shown now
        select.setItemLabelGenerator(l -> WaybillI18NProvider.CHINESE.equals(l) ? "简体中文" : "English");
        UI ui = UI.getCurrent();
        select.setValue(WaybillI18NProvider.supported(ui.getLocale()));
        select.setAriaLabel(ui.getTranslation("language.label"));
        select.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                switchTo(event.getSource().getUI().orElse(ui), event.getValue());
            }
        });
        return select;
    }

    static void switchTo(UI ui, Locale locale) {
        VaadinSession session = ui.getSession();
        session.setAttribute(SESSION_KEY, locale);
        session.setLocale(locale);
        ui.setLocale(locale);
        ui.getPage().reload();
    }
}
