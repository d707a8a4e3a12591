package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.UserIdentity;
import io.waybill.spi.common.Address;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.util.Arrays;
import java.util.Locale;

/**
 * Corrects a package's ship-to address ({@code address-dialog}), e.g. after a carrier refused it. Required fields
 * are checked here; everything else (postal code formats, state where the destination needs one, lengths) is the
 * core's validation, whose reasons are shown in the dialog ({@code address-error}), which then stays open with
 * the operator's input. Saved through {@code OrderCaptureService.updateAddress}; the next upload sends it.
 */
final class AddressDialog extends Dialog {

    private final long packageId;
    private final Runnable onSaved;
    private final TextField name = field("address-name", "manual.name", true);
    private final TextField company = field("address-company", "manual.company", false);
    private final TextField line1 = field("address-line1", "manual.line1", true);
    private final TextField line2 = field("address-line2", "manual.line2", false);
    private final TextField city = field("address-city", "manual.city", true);
    private final TextField state = field("address-state", "manual.state", false);
    private final TextField postalCode = field("address-postal", "manual.postalCode", false);
    private final ComboBox<String> country = new ComboBox<>();
    private final TextField phone = field("address-phone", "manual.phone", false);
    private final TextField email = field("address-email", "manual.email", false);
    private final Div error = new Div();

    AddressDialog(long packageId, Address current, Locale locale, Runnable onSaved) {
        this.packageId = packageId;
        this.onSaved = onSaved;
        setId("address-dialog");
        setHeaderTitle(getTranslation("address.title"));
        country.setId("address-country");
        country.setLabel(getTranslation("manual.country"));
        country.setRequiredIndicatorVisible(true);
        country.setItems((code, filter) -> Formats.country(code, locale).toLowerCase(locale)
                .contains(filter.toLowerCase(locale)) || code.equalsIgnoreCase(filter),
                Arrays.asList(Locale.getISOCountries()));
        country.setItemLabelGenerator(c -> Formats.country(c, locale));
        if (current != null) {
            set(name, current.name());
            set(company, current.company());
            set(line1, current.line1());
            set(line2, current.line2());
            set(city, current.city());
            set(state, current.state());
            set(postalCode, current.postalCode());
            set(phone, current.phone());
            set(email, current.email());
            if (current.countryCode() != null && !current.countryCode().isBlank()) {
                country.setValue(current.countryCode().strip());
            }
        }
        FormLayout form = new FormLayout(name, company, line1, line2, city, state, postalCode, country, phone, email);
        form.setId("address-form");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setMaxWidth("44rem");
        error.setId("address-error");
        error.addClassName("wb-alert");
        error.setVisible(false);
        Div hint = new Div(new Span(getTranslation("address.hint")));
        hint.addClassName("wb-hint");
        add(hint, form, error);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("address-cancel");
        Button save = new Button(getTranslation("address.save"), e -> save());
        save.setId("address-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    private TextField field(String id, String labelKey, boolean required) {
        TextField f = new TextField(getTranslation(labelKey));
        f.setId(id);
        f.setRequiredIndicatorVisible(required);
        return f;
    }

    private static void set(TextField f, String value) {
        f.setValue(value == null ? "" : value);
    }

    private void save() {
        error.setVisible(false);
        boolean ok = require(name) & require(line1) & require(city);
        country.setErrorMessage(getTranslation("manual.required"));
        country.setInvalid(country.getValue() == null);
        if (!ok || country.getValue() == null) {
            return;
        }
        Address address = new Address(v(name), v(company), v(line1), v(line2), v(city), v(state), v(postalCode),
                country.getValue(), v(phone), v(email));
        String actor = CurrentUser.get().map(UserIdentity::name).orElse("unknown");
        try {
            UiServices.capture().updateAddress(packageId, address, actor);
        } catch (OperationRefusedException e) {
            showError(getTranslation("address.refused", io.waybill.ui.internal.i18n.Reasons.of(e)));
            return;
        } catch (ServiceUnavailableException e) {
            showError(e.getMessage());
            return;
        }
        close();
        BatchUi.info(getTranslation("address.saved"));
        onSaved.run();
    }

    private void showError(String text) {
        error.removeAll();
        error.add(VaadinIcon.WARNING.create(), new Span(text));
        error.setVisible(true);
    }

    private boolean require(TextField f) {
        boolean filled = f.getValue() != null && !f.getValue().isBlank();
        f.setErrorMessage(getTranslation("manual.required"));
        f.setInvalid(!filled);
        return filled;
    }

    private static String v(TextField f) {
        return f.getValue() == null ? "" : f.getValue().strip();
    }
}
