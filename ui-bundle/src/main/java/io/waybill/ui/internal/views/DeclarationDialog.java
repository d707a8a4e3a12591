package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.waybill.core.api.CustomsService;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.PackageDeclaration;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.ui.internal.i18n.Reasons;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code customs-dialog}: a package's customs declaration as the core will save it: the category and every line
 * (field ids {@code customs-<field>-<n>}). Opened from the package page's customs card and from the To review tab
 * ({@link ReviewEdits}). The core checks and saves ({@code CustomsService.save}: until upload, {@code EDIT_PACKAGE});
 * its reasons are shown in the dialog ({@code customs-error}), which then stays open with the operator's input.
 */
final class DeclarationDialog extends Dialog {

    DeclarationDialog(CustomsService customs, long packageId, String packageNo, PackageDeclaration d, String user,
                      Runnable onSaved) {
        Dialog dialog = this;
        dialog.setId("customs-dialog");
        dialog.setHeaderTitle(getTranslation("customs.editTitle", packageNo));
        dialog.setWidth("min(72rem, 96vw)");
        Select<CustomsDeclaration.Category> category = new Select<>();
        category.setId("customs-category-select");
        category.setLabel(getTranslation("customs.category"));
        category.setItems(CustomsDeclaration.Category.values());
        category.setItemLabelGenerator(c -> getTranslation("customs.category." + c.name()));
        category.setValue(d.category());
        dialog.add(category);
        List<Runnable> readers = new ArrayList<>();
        List<PackageDeclaration.Line> edited = new ArrayList<>(d.lines());
        int n = 0;
        for (PackageDeclaration.Line l : d.lines()) {
            int index = n++;
            TextField en = text("customs-en-" + index, "customs.descriptionEn", l.descriptionEn());
            TextField zh = text("customs-zh-" + index, "customs.descriptionZh", l.descriptionZh());
            TextField hs = text("customs-hs-" + index, "products.hs", l.hsCode());
            IntegerField qty = new IntegerField(getTranslation("col.quantity"));
            qty.setId("customs-qty-" + index);
            qty.setValue(l.quantity());
            qty.setWidth("6rem");
            BigDecimalField value = new BigDecimalField(getTranslation("customs.unitValue"));
            value.setId("customs-value-" + index);
            value.setValue(l.unitValue());
            value.setWidth("8rem");
            TextField currency = text("customs-currency-" + index, "products.currency", l.currency());
            currency.setMaxLength(3);
            currency.setWidth("6rem");
            TextField origin = text("customs-origin-" + index, "products.origin", l.originCountry());
            origin.setMaxLength(2);
            origin.setWidth("6rem");
            IntegerField net = new IntegerField(getTranslation("customs.netWeightGrams"));
            net.setId("customs-net-" + index);
            net.setValue(l.netWeightGrams());
            net.setWidth("7rem");
            Span sku = new Span(l.sku());
            sku.addClassName("wb-badge");
            Div line = new Div(sku, en, zh, hs, qty, value, currency, origin, net);
            line.addClassName("wb-form-row");
            line.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5rem")
                    .set("align-items", "baseline");
            dialog.add(line);
            readers.add(() -> edited.set(index, new PackageDeclaration.Line(l.sku(), en.getValue(), zh.getValue(),
                    hs.getValue(), qty.getValue() == null ? 0 : qty.getValue(), value.getValue(),
                    currency.getValue(), origin.getValue(), net.getValue() == null ? 0 : net.getValue())));
        }
        Div error = new Div();
        error.setId("customs-error");
        error.addClassName("wb-error");
        error.setVisible(false);
        dialog.add(error);
        Button save = new Button(getTranslation("customs.save"), e -> {
            readers.forEach(Runnable::run);
            try {
                customs.save(packageId, new PackageDeclaration(category.getValue(), null, edited, true), user);
                dialog.close();
                BatchUi.info(getTranslation("customs.saved", packageNo));
                onSaved.run();
            } catch (OperationRefusedException ex) {
                error.setText(Reasons.of(ex));
                error.setVisible(true);
            }
        });
        save.setId("customs-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("customs-cancel");
        dialog.getFooter().add(cancel, save);
    }

    private TextField text(String id, String label, String value) {
        TextField f = new TextField(getTranslation(label));
        f.setId(id);
        f.setValue(value == null ? "" : value);
        return f;
    }
}
