package io.waybill.ui.internal.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.waybill.core.model.SettingField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The settings form generated from a plugin's Metatype ({@link SettingField}s, labels in the user's language where the
 * plugin offers them): store accounts, carrier accounts and scales. A PASSWORD setting is a password field that is
 * never filled back: it says whether a value is stored, and left empty keeps it. Field ids {@code <prefix><id>} (the
 * id with characters other than letters, digits, '_' and '-' as '_').
 */
final class SettingsForm extends FormLayout {

    private record Input(SettingField field, Supplier<String> value) {
    }

    private final List<Input> inputs = new ArrayList<>();

    SettingsForm() {
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30rem", 2));
    }

    /**
     * Shows these settings (replacing any shown before).
     *
     * @param stored  the stored non-secret values (empty for a new configuration)
     * @param secrets ids of the PASSWORD settings that have a stored value
     */
    void show(List<SettingField> fields, Map<String, String> stored, Set<String> secrets, String idPrefix) {
        removeAll();
        inputs.clear();
        for (SettingField f : fields) {
            add(input(f, stored.get(f.id()), secrets.contains(f.id()), idPrefix));
        }
    }

    /** The values as text by setting id; an empty password field is left out (keeps the stored secret). */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Input in : inputs) {
            String v = in.value().get();
            if (v != null) {
                values.put(in.field().id(), v);
            }
        }
        return values;
    }

    private Component input(SettingField f, String stored, boolean secretSet, String idPrefix) {
        String id = idPrefix + f.id().replaceAll("[^A-Za-z0-9_-]", "_");
        String label = f.name() + (f.required() ? " *" : "");
        if (f.secret()) {
            PasswordField p = new PasswordField(label);
            p.setId(id);
            p.setRevealButtonVisible(false);
            p.setHelperText(getTranslation(secretSet ? "store.secretSet" : "store.secretNotSet"));
            p.setPlaceholder(getTranslation(secretSet ? "store.secretKeep" : "store.secretEnter"));
            inputs.add(new Input(f, p::getValue));
            return p;
        }
        if (f.type() == SettingField.Type.BOOLEAN) {
            Checkbox c = new Checkbox(label);
            c.setId(id);
            c.setValue(Boolean.parseBoolean(stored != null ? stored : f.defaultValue()));
            inputs.add(new Input(f, () -> String.valueOf(c.getValue())));
            return c;
        }
        if (!f.options().isEmpty()) {
            ComboBox<String> c = new ComboBox<>(label);
            c.setId(id);
            c.setItems(f.options());
            c.setValue(stored != null ? stored : f.defaultValue());
            inputs.add(new Input(f, c::getValue));
            return c;
        }
        TextField t = new TextField(label);
        t.setId(id);
        t.setValue(stored != null ? stored : f.defaultValue() == null ? "" : f.defaultValue());
        if (!f.description().isBlank()) {
            t.setHelperText(f.description());
        }
        inputs.add(new Input(f, t::getValue));
        return t;
    }
}
