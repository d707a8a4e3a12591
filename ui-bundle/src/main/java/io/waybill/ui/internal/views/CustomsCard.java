package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.waybill.core.api.CustomsService;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.Reason;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.ui.internal.i18n.Reasons;

import java.util.ArrayList;
import java.util.List;

/**
 * The package page's customs declaration (报关, {@code customs-card}): category, the store's tax ids, the declared
 * lines ({@code customs-lines}) and what would refuse the upload ({@code customs-problems}, each reason in the
 * operator's language). Until the package is uploaded, {@code customs-edit} opens {@code customs-dialog} to edit the
 * category and every line (field ids {@code customs-<field>-<n>}), and {@code customs-reset} drops the edits so the
 * declaration follows the catalogue again. The core checks and saves; its reasons are shown in the dialog.
 */
final class CustomsCard extends Div {

    private final CustomsService customs;
    private final PackageRow row;
    private final String user;
    private final Runnable reload;

    CustomsCard(CustomsService customs, PackageRow row, String user, boolean mayEdit, Runnable reload) {
        this.customs = customs;
        this.row = row;
        this.user = user;
        this.reload = reload;
        setId("customs-card");
        addClassName("wb-card");
        PackageDeclaration d = customs.declaration(row.id(), user).orElse(null);
        add(new H3(getTranslation("customs.title")));
        if (d == null) {
            return;
        }
        Span category = new Span(getTranslation("customs.category") + ": "
                + getTranslation("customs.category." + d.category().name()));
        category.setId("customs-category");
        Span source = new Span(getTranslation(d.edited() ? "customs.edited" : "customs.fromCatalogue"));
        source.setId("customs-source");
        source.addClassName("wb-badge");
        Div head = new Div(category, new Span(" "), source);
        add(head);
        Span taxIds = new Span(taxIds(d.taxIds()));
        taxIds.setId("customs-tax-ids");
        add(new Div(taxIds));

        Grid<PackageDeclaration.Line> lines = new Grid<>();
        lines.setId("customs-lines");
        lines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        lines.addColumn(PackageDeclaration.Line::sku).setKey("sku").setHeader(getTranslation("col.sku"))
                .setAutoWidth(true);
        lines.addColumn(l -> dash(l.descriptionEn())).setKey("en").setHeader(getTranslation("customs.descriptionEn"))
                .setFlexGrow(1);
        lines.addColumn(l -> dash(l.descriptionZh())).setKey("zh").setHeader(getTranslation("customs.descriptionZh"))
                .setFlexGrow(1);
        lines.addColumn(l -> dash(l.hsCode())).setKey("hs").setHeader(getTranslation("products.hs"))
                .setAutoWidth(true);
        lines.addColumn(PackageDeclaration.Line::quantity).setKey("qty").setHeader(getTranslation("col.quantity"))
                .setAutoWidth(true);
        lines.addColumn(l -> dash(Formats.money(l.unitValue(), l.currency()))).setKey("value")
                .setHeader(getTranslation("customs.unitValue")).setAutoWidth(true);
        lines.addColumn(l -> dash(l.originCountry())).setKey("origin").setHeader(getTranslation("products.origin"))
                .setAutoWidth(true);
        lines.addColumn(l -> Formats.weight(l.netWeightGrams(), getLocale())).setKey("net")
                .setHeader(getTranslation("customs.netWeight")).setAutoWidth(true);
        lines.setItems(d.lines());
        lines.setAllRowsVisible(true);
        add(lines);
        Span total = new Span(getTranslation("customs.total") + ": " + (d.currency() == null
                ? d.total().toPlainString() : Formats.money(d.total(), d.currency())));
        total.setId("customs-total");
        add(new Div(total));

        List<Reason> problems = customs.problems(row.id(), user);
        Div problemList = new Div();
        problemList.setId("customs-problems");
        if (problems.isEmpty()) {
            problemList.add(new Span(getTranslation("customs.noProblems")));
        } else {
            problemList.addClassName("wb-alert");
            problemList.add(new Div(VaadinIcon.WARNING.create(), new Span(getTranslation("customs.problems"))));
            for (Reason r : problems) {
                String text = Reasons.text(getLocale(), r);
                Div item = new Div(new Span(text == null ? r.english() : text));
                item.addClassName("customs-problem");
                item.getElement().setAttribute("data-code", r.code());
                problemList.add(item);
            }
        }
        add(problemList);

        // mayEdit: the core's PackageAction.EDIT_DECLARATION (before upload, the lifecycle's one rule; EDIT_PACKAGE)
        if (mayEdit) {
            Button edit = new Button(getTranslation("customs.edit"), VaadinIcon.EDIT.create(), e -> openEditor(d));
            edit.setId("customs-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(edit);
            if (d.edited()) {
                Button reset = new Button(getTranslation("customs.reset"), e -> {
                    try {
                        customs.reset(row.id(), user);
                        BatchUi.info(getTranslation("customs.resetDone", row.packageNo()));
                        reload.run();
                    } catch (OperationRefusedException ex) {
                        BatchUi.info(Reasons.of(ex));
                    }
                });
                reset.setId("customs-reset");
                reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                add(reset);
            }
        }
    }

    private String taxIds(CustomsDeclaration.TaxIds ids) {
        List<String> parts = new ArrayList<>();
        if (!ids.ioss().isEmpty()) {
            parts.add("IOSS " + ids.ioss());
        }
        if (!ids.voec().isEmpty()) {
            parts.add("VOEC " + ids.voec());
        }
        if (!ids.eori().isEmpty()) {
            parts.add("EORI " + ids.eori());
        }
        if (!ids.vat().isEmpty()) {
            parts.add("VAT " + ids.vat());
        }
        return getTranslation("customs.taxIds") + ": " + (parts.isEmpty() ? getTranslation("customs.taxIdsNone")
                : String.join(", ", parts));
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }

    /** {@code customs-dialog}: the category and every line, as the core will save them. */
    private void openEditor(PackageDeclaration d) {
        Dialog dialog = new Dialog();
        dialog.setId("customs-dialog");
        dialog.setHeaderTitle(getTranslation("customs.editTitle", row.packageNo()));
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
                customs.save(row.id(), new PackageDeclaration(category.getValue(), null, edited, true), user);
                dialog.close();
                BatchUi.info(getTranslation("customs.saved", row.packageNo()));
                reload.run();
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
        dialog.open();
    }

    private TextField text(String id, String label, String value) {
        TextField f = new TextField(getTranslation(label));
        f.setId(id);
        f.setValue(value == null ? "" : value);
        return f;
    }
}
