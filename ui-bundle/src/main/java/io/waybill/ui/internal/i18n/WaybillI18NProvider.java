package io.waybill.ui.internal.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Translations of the UI, English and Simplified Chinese, from {@code messages_en.properties} and
 * {@code messages_zh_CN.properties} (UTF-8) beside this class. Any other locale gets English.
 */
public class WaybillI18NProvider implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> LOCALES = List.of(ENGLISH, CHINESE);

    static final String BUNDLE = "io.waybill.ui.internal.i18n.messages";
    private static final Logger LOG = LoggerFactory.getLogger(WaybillI18NProvider.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Locale target = supported(locale);
        try {
            String pattern = bundle(target).getString(key);
            return params == null || params.length == 0 ? pattern : new MessageFormat(pattern, target).format(params);
        } catch (MissingResourceException e) {
            LOG.warn("Missing translation '{}' for {}", key, target);
            return "!" + key;
        }
    }

    /** Whether the messages of the locale's supported language have this key (no warning when not). */
    public static boolean has(Locale locale, String key) {
        return key != null && bundle(locale).containsKey(key);
    }

    /** The supported locale closest to the given one: Chinese for any {@code zh}, else English. */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), WaybillI18NProvider.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
