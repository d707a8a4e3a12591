package io.waybill.ui.internal.i18n;

import com.vaadin.flow.component.UI;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.AuditEntry;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.Reason;
import io.waybill.core.model.Weights;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator reads when the core refuses something. The core's messages are English and carry the facts
 * (package numbers, SKUs, quantities); in English they are shown as they are. In another language the kind of
 * refusal, looked up by its code ({@code reason.<code>} in the message bundles), comes first in that language,
 * followed by the core's message for the facts. An unknown code shows the message alone.
 *
 * <p>A structured {@link Reason} (history lines, batch failures with params) is rendered whole in the user's
 * language: English with the core's sentence ({@link Reason#englishTemplate}), other languages with
 * {@code reasontext.<code>} of the message bundles (for a list code, {@code reasontext.<code>} is one item and
 * {@code reasontext.<code>.list} the sentence around the joined items). Numbers ({@code {n,number,integer}}) are
 * formatted in the locale's way, weights ({@code {n,weight}}, grams) as {@link Weights} shows them; the data in the params (SKUs, codes, names, tracking numbers) stays as it is.
 */
public final class Reasons {

    static final String PREFIX = "reason.";

    private Reasons() {
    }

    static final String TEXT_PREFIX = "reasontext.";
    private static final Pattern NUMBER_ARG = Pattern.compile("\\{(\\d+),number");
    /**
     * Waybill's own argument types: {@code weight} (grams, shown as {@link Weights} does: {@code 0.800 kg}),
     * {@code status} (a package status name: {@code status.<NAME>} of the bundle) and {@code verb} (the status a
     * package was to move to, as what that move does: {@code reasonverb.<NAME>}) and {@code field} (what an edit
     * changed: {@code reasonfield.<key>}); English takes the core's words.
     */
    static final Pattern CUSTOM_ARG = Pattern.compile("\\{(\\d+),(weight|status|verb|field|column|reasons|rows)\\}");
    static final String VERB_PREFIX = "reasonverb.";
    static final String FIELD_PREFIX = "reasonfield.";

    /** A structured reason in {@code locale}, or null when that language has no sentence for its code. */
    public static String text(Locale locale, Reason reason) {
        Locale target = WaybillI18NProvider.supported(locale);
        boolean english = WaybillI18NProvider.ENGLISH.equals(target);
        ResourceBundle bundle = english ? null : WaybillI18NProvider.bundle(target);
        String item = english ? Reason.englishTemplate(reason.code()) : get(bundle, TEXT_PREFIX + reason.code());
        if (item == null) {
            return null;
        }
        Integer group = Reason.LISTS.get(reason.code());
        if (group == null) {
            return format(item, reason.params(), target);
        }
        String around = english ? Reason.englishListTemplate(reason.code())
                : get(bundle, TEXT_PREFIX + reason.code() + ".list");
        String separator = english ? Reason.listSeparator(reason.code())
                : "; ".equals(Reason.listSeparator(reason.code())) ? "；" : "，";
        if (around == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        List<String> params = reason.params();
        for (int i = 0; i + group <= params.size(); i += group) {
            items.add(format(item, params.subList(i, i + group), target));
        }
        return format(around, List.of(String.join(separator, items)), target);
    }

    /** A history line's reason in {@code locale}: structured ones in that language, free text as it is. */
    public static String history(Locale locale, AuditEntry entry) {
        Reason structured = entry.structuredReason();
        String text = structured == null ? null : text(locale, structured);
        return text != null ? text : entry.reason() == null ? "" : entry.reason();
    }

    /** A batch failure in {@code locale}: whole when its code has params, else as {@link #text(Locale, String,
     * String)}. */
    public static String failure(Locale locale, BatchResult.Failure f) {
        if (structured(f.code(), f.params())) {
            String text = text(locale, new Reason(f.code(), f.params()));
            if (text != null) {
                return text;
            }
        }
        return text(locale, f.code(), f.message());
    }

    /**
     * Why a scale is offline or gives no weight, in {@code locale}: its reason in that language when the plugin said
     * why as data (SPI device 1.1) and the language is not English, else the plugin's own detail (English, more
     * specific); never null.
     */
    public static String scale(Locale locale, Reason reason, String detail) {
        String plain = detail == null ? "" : detail;
        Locale target = WaybillI18NProvider.supported(locale);
        if (reason == null || WaybillI18NProvider.ENGLISH.equals(target)) {
            return plain;
        }
        String text = text(target, reason);
        return text == null ? plain : text;
    }

    /** A file row's (or a form field's) error in {@code locale}: its reason as data in that language, else as written. */
    public static String rowError(Locale locale, io.waybill.core.model.RowError e) {
        if (e.structured() != null) {
            String text = text(locale, e.structured());
            if (text != null) {
                return text;
            }
        }
        return e.reason() == null ? "" : e.reason();
    }

    /**
     * A row error's column in {@code locale}: its label as data ({@link io.waybill.core.model.RowError#label}, e.g.
     * "order X / field") in that language, else the column key as {@link #column(Locale, String)} shows it.
     */
    public static String column(Locale locale, io.waybill.core.model.RowError e) {
        if (e.label() != null) {
            String text = text(locale, e.label());
            if (text != null) {
                return text;
            }
        }
        return column(locale, e.column());
    }

    /** A row error's column in the language of the current UI. */
    public static String columnOf(io.waybill.core.model.RowError e) {
        UI ui = UI.getCurrent();
        return column(ui == null ? null : ui.getLocale(), e);
    }

    /** A row error in the language of the current UI. */
    public static String of(io.waybill.core.model.RowError e) {
        UI ui = UI.getCurrent();
        return rowError(ui == null ? null : ui.getLocale(), e);
    }

    /**
     * A field or column key ({@code weight_g}, {@code hs_code}) as a user reads it: in English the key as the files
     * write it, in another language {@code reasonfield.<key>} of the bundle (the key when there is none).
     */
    public static String column(Locale locale, String key) {
        Locale target = WaybillI18NProvider.supported(locale);
        if (key == null || WaybillI18NProvider.ENGLISH.equals(target)) {
            return key == null ? "" : key;
        }
        return orElse(WaybillI18NProvider.bundle(target), FIELD_PREFIX + key, key);
    }

    /** A field or column key in the language of the current UI ({@link #column(Locale, String)}). */
    public static String column(String key) {
        UI ui = UI.getCurrent();
        return column(ui == null ? null : ui.getLocale(), key);
    }

    /** A batch failure in the language of the current UI. */
    public static String of(BatchResult.Failure f) {
        UI ui = UI.getCurrent();
        return failure(ui == null ? null : ui.getLocale(), f);
    }

    /** A history line's reason in the language of the current UI. */
    public static String of(AuditEntry entry) {
        UI ui = UI.getCurrent();
        return history(ui == null ? null : ui.getLocale(), entry);
    }

    private static String get(ResourceBundle bundle, String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : null;
    }

    /** Formats a template: the args named {@code {n,number...}} as numbers (when they are), the others as text. */
    static String format(String template, List<String> params, Locale locale) {
        Object[] args = params.toArray(new Object[0]);
        Matcher w = CUSTOM_ARG.matcher(template);
        StringBuilder plain = new StringBuilder();
        while (w.find()) {
            int i = Integer.parseInt(w.group(1));
            if (i < args.length) {
                args[i] = custom(w.group(2), String.valueOf(args[i]), locale);
            }
            w.appendReplacement(plain, Matcher.quoteReplacement("{" + i + "}"));
        }
        w.appendTail(plain);
        template = plain.toString();
        Matcher m = NUMBER_ARG.matcher(template);
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            if (i < args.length) {
                try {
                    args[i] = Long.parseLong(String.valueOf(args[i]).strip());
                } catch (NumberFormatException notANumber) {
                    return Reason.fill(template, params); // keep the value as written rather than fail
                }
            }
        }
        return new MessageFormat(template, locale).format(args);
    }

    private static String custom(String type, String value, Locale locale) {
        Locale target = WaybillI18NProvider.supported(locale);
        boolean english = WaybillI18NProvider.ENGLISH.equals(target);
        return switch (type) {
            case "weight" -> {
                try {
                    yield Weights.format(Integer.parseInt(value.strip()), locale);
                } catch (NumberFormatException notGrams) {
                    yield value;
                }
            }
            case "status" -> english ? Reason.status(value)
                    : orElse(WaybillI18NProvider.bundle(target), "status." + value, value);
            case "verb" -> english ? Reason.verb(value)
                    : orElse(WaybillI18NProvider.bundle(target), VERB_PREFIX + value, Reason.verb(value));
            case "column" -> column(target, value);
            case "rows" -> english ? Reason.rows(value) : rows(WaybillI18NProvider.bundle(target), value);
            case "field" -> english ? Reason.fieldName(value)
                    : orElse(WaybillI18NProvider.bundle(target), FIELD_PREFIX + value, Reason.fieldName(value));
            case "reasons" -> {
                List<String> each = new ArrayList<>();
                for (Reason r : Reason.decode(value)) {
                    String t = text(target, r);
                    each.add(t == null ? r.english() : t);
                }
                yield String.join(english ? "; " : "；", each);
            }
            default -> value;
        };
    }

    /**
     * An order's rows ({@code {n,rows}}) in a bundle's language: {@code reasonrows.none/list/more} ({@code list} gets
     * the listed rows, the rows beyond them and the count, for a plural choice).
     */
    private static String rows(ResourceBundle bundle, String value) {
        List<String> rows = Reason.rowNumbers(value);
        if (rows.isEmpty()) {
            return orElse(bundle, "reasonrows.none", Reason.rows(value));
        }
        String listed = String.join(orElse(bundle, "reasonrows.separator", ", "),
                rows.subList(0, Math.min(Reason.ROWS_LISTED, rows.size())));
        String more = String.valueOf(rows.size() - Reason.ROWS_LISTED);
        return rows.size() > Reason.ROWS_LISTED
                ? MessageFormat.format(orElse(bundle, "reasonrows.more", "{0} +{1}"), listed, more)
                : MessageFormat.format(orElse(bundle, "reasonrows.list", "{0}"), listed);
    }

    private static String orElse(ResourceBundle bundle, String key, String fallback) {
        String s = get(bundle, key);
        return s == null ? fallback : s;
    }

    /** The kind of a refusal by its code in {@code locale} ({@code reason.<code>}), or the code itself. */
    public static String kind(Locale locale, String code) {
        if (code == null) {
            return "";
        }
        String kind = get(WaybillI18NProvider.bundle(WaybillI18NProvider.supported(locale)), PREFIX + code);
        return kind == null ? code : kind;
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

    /** The refusal in the language of the current UI: whole when it is a structured reason. */
    public static String of(OperationRefusedException e) {
        UI ui = UI.getCurrent();
        return refusal(ui == null ? null : ui.getLocale(), e);
    }

    /** A refusal in {@code locale}: a structured one whole in that language, else as {@link #text(Locale, String,
     * String)}. */
    public static String refusal(Locale locale, OperationRefusedException e) {
        if (e.reason() != null) {
            String text = text(locale, e.reason());
            if (text != null) {
                return text;
            }
        }
        if (structured(e.code(), e.params())) {
            String text = text(locale, new Reason(e.code(), e.params()));
            if (text != null) {
                return text;
            }
        }
        return text(locale, e.code(), e.getMessage());
    }

    /**
     * Whether a code and params (of a batch failure or a refusal) are a structured reason: params given, or a code
     * of {@link Reason} whose sentence takes none.
     */
    static boolean structured(String code, List<String> params) {
        if (code == null) {
            return false;
        }
        if (!params.isEmpty()) {
            return true;
        }
        String template = Reason.englishTemplate(code);
        return template != null && !template.contains("{");
    }

    /** A reason with its code in the language of the current UI. */
    public static String of(String code, String message) {
        UI ui = UI.getCurrent();
        return text(ui == null ? null : ui.getLocale(), code, message);
    }
}
