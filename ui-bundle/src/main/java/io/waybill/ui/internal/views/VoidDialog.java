package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.waybill.core.model.VoidReason;

import java.util.function.Consumer;

/**
 * The void confirmation, the same wherever packages are voided (the delivery tabs' Batch Void, the package page):
 * step one asks for a reason (a listed one, or "Other" with its text, checked by {@link VoidReasons}), step two
 * repeats the count and the reason and voids only on "Confirm void".
 */
final class VoidDialog extends Dialog {

    /**
     * @param title     the dialog's header
     * @param count     how many packages the operator is about to void
     * @param onConfirm given the checked reason once the operator confirms; the dialog is closed by then
     */
    VoidDialog(String title, long count, Consumer<String> onConfirm) {
        setId("void-dialog");
        setHeaderTitle(title);
        setWidth("32rem");

        Select<VoidReason> reason = new Select<>();
        reason.setId("void-reason");
        reason.setLabel(getTranslation("void.reason"));
        reason.setItems(VoidReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("void.reason." + r.name()));
        reason.setPlaceholder(getTranslation("void.reason.placeholder"));
        reason.setWidthFull();
        TextArea other = new TextArea(getTranslation("void.reasonText"));
        other.setId("void-reason-text");
        other.setMaxLength(VoidReasons.MAX_LENGTH);
        other.setWidthFull();
        other.setVisible(false);
        reason.addValueChangeListener(e -> {
            other.setVisible(e.getValue() == VoidReason.OTHER);
            reason.setInvalid(false);
            other.setInvalid(false);
        });
        Div stepOne = new Div(new Paragraph(getTranslation("void.step1", count)), reason, other);

        Paragraph summary = new Paragraph(getTranslation("void.step2", count));
        summary.setId("void-summary");
        Paragraph reasonEcho = new Paragraph();
        reasonEcho.setId("void-reason-echo");
        reasonEcho.addClassName("wb-muted");
        Div stepTwo = new Div(summary, reasonEcho);
        stepTwo.setVisible(false);
        add(stepOne, stepTwo);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("void-cancel");
        Button back = new Button(getTranslation("action.back"));
        back.setId("void-back");
        back.setVisible(false);
        Button next = new Button(getTranslation("action.next"));
        next.setId("void-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button confirm = new Button(getTranslation("void.confirm"));
        confirm.setId("void-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setVisible(false);
        confirm.setDisableOnClick(true);
        String[] chosen = new String[1];
        next.addClickListener(e -> {
            VoidReasons.Checked checked = VoidReasons.check(reason.getValue(), other.getValue(),
                    r -> getTranslation("void.reason." + r.name()));
            if (!checked.ok()) {
                if (reason.getValue() == null) {
                    reason.setErrorMessage(getTranslation(checked.errorKey()));
                    reason.setInvalid(true);
                } else {
                    other.setErrorMessage(getTranslation(checked.errorKey()));
                    other.setInvalid(true);
                }
                return;
            }
            chosen[0] = checked.reason();
            reasonEcho.setText(getTranslation("void.reasonEcho", checked.reason()));
            stepOne.setVisible(false);
            stepTwo.setVisible(true);
            next.setVisible(false);
            back.setVisible(true);
            confirm.setVisible(true);
        });
        back.addClickListener(e -> {
            stepOne.setVisible(true);
            stepTwo.setVisible(false);
            next.setVisible(true);
            back.setVisible(false);
            confirm.setVisible(false);
        });
        confirm.addClickListener(e -> {
            close();
            onConfirm.accept(chosen[0]);
        });
        getFooter().add(cancel, back, next, confirm);
    }
}
