package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.Reasons;

import java.util.Arrays;

/** "Change password" from the header, for every signed-in user: current password, new one twice. */
class ChangePasswordDialog extends Dialog {

    private final PasswordField current = new PasswordField();
    private final PasswordField fresh = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Span error = new Span();

    ChangePasswordDialog() {
        setId("password-dialog");
        setHeaderTitle(getTranslation("password.change"));
        current.setId("password-current");
        current.setLabel(getTranslation("password.current"));
        current.getElement().setAttribute("autocomplete", "current-password");
        fresh.setId("password-new");
        fresh.setLabel(getTranslation("password.new"));
        fresh.setHelperText(getTranslation("password.policy"));
        fresh.getElement().setAttribute("autocomplete", "new-password");
        repeat.setId("password-repeat");
        repeat.setLabel(getTranslation("password.repeat"));
        repeat.getElement().setAttribute("autocomplete", "new-password");
        error.setId("password-error");
        error.addClassName("wb-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        VerticalLayout body = new VerticalLayout(current, fresh, repeat, error);
        body.setPadding(false);
        add(body);
        Button save = new Button(getTranslation("password.save"), e -> save());
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("password-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        String user = CurrentUser.get().map(UserIdentity::name).orElse(null);
        char[] old = current.getValue().toCharArray();
        char[] next = fresh.getValue().toCharArray();
        try {
            if (user == null) {
                close();
                return;
            }
            if (!fresh.getValue().equals(repeat.getValue())) {
                show(getTranslation("password.mismatch"));
                return;
            }
            UiServices.users().changeOwnPassword(user, old, next);
            close();
            BatchUi.info(getTranslation("password.changed"));
        } catch (OperationRefusedException e) {
            show(Reasons.of(e));
        } catch (ServiceUnavailableException e) {
            show(getTranslation("unavailable.service", e.serviceName()));
        } finally {
            Arrays.fill(old, '\0');
            Arrays.fill(next, '\0');
            current.clear();
            fresh.clear();
            repeat.clear();
        }
    }

    private void show(String message) {
        error.setText(message);
        error.setVisible(true);
    }

}
