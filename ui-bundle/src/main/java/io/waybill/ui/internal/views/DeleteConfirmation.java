package io.waybill.ui.internal.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.Reasons;

/**
 * The confirm step before a master-data delete (warehouses, stores): {@code <prefix>-delete-dialog} with the question,
 * {@code <prefix>-delete-confirm} and {@code <prefix>-delete-cancel}; the core's refusal (e.g. "has packages: disable
 * it instead") stays in the dialog as {@code <prefix>-delete-error} and the confirm button is switched off.
 */
final class DeleteConfirmation {

    private DeleteConfirmation() {
    }

    /**
     * Opens the dialog.
     *
     * @param prefix   id prefix ({@code warehouse}, {@code store})
     * @param title    the header, e.g. "Delete store X?"
     * @param question what deleting means and when it is refused
     * @param delete   the core call; may throw {@link OperationRefusedException} or {@link ServiceUnavailableException}
     * @param deleted  run after a delete (reload, notify)
     */
    static void open(String prefix, String title, String question, Runnable delete, Runnable deleted) {
        UI ui = UI.getCurrent();
        Dialog dialog = new Dialog();
        dialog.setId(prefix + "-delete-dialog");
        dialog.setHeaderTitle(title);
        Span error = new Span();
        error.setId(prefix + "-delete-error");
        error.addClassName("wb-error");
        error.setVisible(false);
        dialog.add(new Div(new Span(question)), error);
        Button confirm = new Button(ui.getTranslation(prefix + ".delete"));
        confirm.setId(prefix + "-delete-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> {
            try {
                delete.run();
                dialog.close();
                deleted.run();
            } catch (OperationRefusedException ex) {
                error.setText(Reasons.of(ex));
                error.setVisible(true);
                confirm.setEnabled(false);
            } catch (ServiceUnavailableException ex) {
                error.setText(ui.getTranslation("unavailable.service", ex.serviceName()));
                error.setVisible(true);
            }
        });
        Button cancel = new Button(ui.getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId(prefix + "-delete-cancel");
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }
}
