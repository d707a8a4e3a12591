package io.waybill.core.internal.store;

import io.waybill.core.internal.workflow.TextRules;
import io.waybill.core.model.SettingField;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place of the rules for plugin settings typed into a form generated from a plugin's Metatype: store accounts
 * ({@code StoreServiceImpl}) and carrier accounts and devices ({@link ConfigAdminPluginSettings}). Every problem is
 * added to the caller's list, so a refusal names them all; secret values are never in a problem text.
 */
public final class SettingRules {

    private SettingRules() {
    }

    /**
     * The checked settings.
     *
     * @param values  non-secret values typed for Config Admin (null: remove, the plugin's default applies)
     * @param secrets PASSWORD values to store (absent: keep the stored secret)
     */
    public record Values(Map<String, Object> values, Map<String, String> secrets) {
    }

    /**
     * Checks the given settings against the plugin's fields.
     *
     * @param plugin        the plugin's name, for problem texts
     * @param fields        the plugin's settings
     * @param given         the form's values by setting id, as text
     * @param storedSecrets ids of the PASSWORD settings that have a stored value
     * @param edit          whether an existing configuration is changed (then a blank value resets to the default)
     * @param problems      where problems are added
     */
    public static Values check(String plugin, List<SettingField> fields, Map<String, String> given,
                               Set<String> storedSecrets, boolean edit, List<String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, SettingField> byId = new LinkedHashMap<>();
        fields.forEach(f -> byId.put(f.id(), f));
        for (String id : given.keySet()) {
            if (!byId.containsKey(id)) {
                problems.add("the " + plugin + " plugin has no setting '" + TextRules.visible(id) + "'"
                        + (byId.isEmpty() ? "" : " (settings: " + String.join(", ", byId.keySet()) + ")"));
            }
        }
        for (SettingField f : byId.values()) {
            String raw = given.get(f.id());
            String text = raw == null ? "" : raw.strip();
            if (f.secret()) {
                if (!text.isEmpty()) {
                    if (TextRules.controlCharAt(text) >= 0) {
                        problems.add("setting '" + f.name() + "' contains control characters");
                    } else {
                        secrets.put(f.id(), text);
                    }
                } else if (f.required() && !storedSecrets.contains(f.id())) {
                    problems.add("the required setting '" + f.name() + "' (" + f.id() + ") is missing");
                }
                continue;
            }
            if (text.isEmpty()) {
                if (f.required() && (f.defaultValue() == null || f.defaultValue().isBlank())) {
                    problems.add("the required setting '" + f.name() + "' (" + f.id() + ") is missing");
                }
                if (edit || raw != null) {
                    values.put(f.id(), f.defaultValue() == null || f.defaultValue().isBlank() ? null
                            : typed(f, f.defaultValue(), problems));
                }
                continue;
            }
            if (!f.options().isEmpty() && !f.options().contains(text)) {
                problems.add("setting '" + f.name() + "' must be one of " + String.join(", ", f.options()));
                continue;
            }
            Object v = typed(f, text, problems);
            if (v != null) {
                values.put(f.id(), v);
            }
        }
        return new Values(values, secrets);
    }

    static Object typed(SettingField f, String text, List<String> problems) {
        try {
            return switch (f.type()) {
                case INTEGER -> Integer.valueOf(text);
                case DECIMAL -> new BigDecimal(text).doubleValue();
                case BOOLEAN -> {
                    String t = text.toLowerCase(Locale.ROOT);
                    if (!t.equals("true") && !t.equals("false")) {
                        problems.add("setting '" + f.name() + "' must be true or false, not '" + TextRules.visible(text)
                                + "'");
                        yield null;
                    }
                    yield Boolean.valueOf(t);
                }
                case TEXT, PASSWORD -> {
                    if (TextRules.controlCharAt(text) >= 0) {
                        problems.add("setting '" + f.name() + "' contains control characters");
                        yield null;
                    }
                    yield text;
                }
            };
        } catch (NumberFormatException e) {
            problems.add("setting '" + f.name() + "' must be a " + (f.type() == SettingField.Type.INTEGER
                    ? "whole number" : "number") + ", not '" + TextRules.visible(text) + "'");
            return null;
        }
    }
}
