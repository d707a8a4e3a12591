package io.waybill.core.model;

import java.util.List;

/**
 * One setting of a plugin account, generated from the plugin's Metatype description (an attribute of its object
 * class definition), for forms in the UI and prompts in the shell. Since 1.5.
 *
 * @param id           the configuration property (e.g. {@code shop}, {@code .accessToken})
 * @param name         the label the plugin gives it
 * @param description  the plugin's help text, or empty
 * @param type         how to edit and check it
 * @param required     whether a value is needed
 * @param defaultValue the plugin's default, or null
 * @param options      allowed values (empty: any)
 */
public record SettingField(String id, String name, String description, Type type, boolean required,
                           String defaultValue, List<String> options) {

    /** Editor kinds. A {@link #PASSWORD} value is a secret: never shown back, only "set" or "not set". */
    public enum Type { TEXT, INTEGER, DECIMAL, BOOLEAN, PASSWORD }

    public SettingField {
        description = description == null ? "" : description;
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Whether the value is a secret. */
    public boolean secret() {
        return type == Type.PASSWORD;
    }
}
