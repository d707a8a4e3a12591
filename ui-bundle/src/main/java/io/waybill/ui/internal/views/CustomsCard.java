package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
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
 * category and every line ({@link DeclarationDialog}), and {@code customs-reset} drops the edits so the
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
            Button edit = new Button(getTranslation("customs.edit"), VaadinIcon.EDIT.create(), e -> new DeclarationDialog(customs, row.id(),
                    row.packageNo(), d, user, reload).open());
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
}
