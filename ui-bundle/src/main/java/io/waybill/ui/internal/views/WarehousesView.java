package io.waybill.ui.internal.views;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.WarehouseService;
import io.waybill.core.api.WarehouseValidator;
import io.waybill.core.model.UserIdentity;
import io.waybill.core.model.Warehouse;
import io.waybill.core.model.WarehouseKind;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.Reasons;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /warehouses}: the warehouse master data (code, name, kind, address, contact, enabled) for the roles the
 * {@link Permission#MANAGE_WAREHOUSES} matrix allows. A dialog creates or edits one, with the core's
 * {@link WarehouseValidator} messages on the fields; disable/enable per row; delete after a confirmation, the core's
 * refusal (stock or packages) shown in the confirmation dialog.
 */
@Route(value = "warehouses", layout = MainLayout.class)
public class WarehousesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final Grid<Warehouse> grid = new Grid<>();
    private final ServiceNotice notice = new ServiceNotice();
    private final Div body = new Div();

    /** Whether the user may see and change warehouses. */
    public static boolean allowed(Optional<UserIdentity> user) {
        return user.map(u -> Permission.MANAGE_WAREHOUSES.allowedFor(u.roles())).orElse(false);
    }

    public WarehousesView() {
        addClassName("wb-page");
        setSizeFull();
        Div titleRow = new Div(new H2(getTranslation("warehouse.title")));
        titleRow.addClassName("wb-title-row");
        body.setSizeFull();
        add(titleRow, notice, body);
        setFlexGrow(1, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        body.removeAll();
        if (!allowed(CurrentUser.get())) {
            Div denied = new Div(new Span(getTranslation("warehouse.denied")));
            denied.setId("access-denied");
            denied.addClassName("wb-alert");
            body.add(denied);
            return;
        }
        Button add = new Button(getTranslation("warehouse.new"), VaadinIcon.PLUS.create(), e -> openEditor(null));
        add.setId("warehouse-new");
        Div actions = new Div(add);
        actions.addClassName("wb-filters");

        grid.removeAllColumns();
        grid.setId("warehouse-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Warehouse::code).setKey("code").setHeader(getTranslation("warehouse.code")).setAutoWidth(true);
        grid.addColumn(Warehouse::name).setKey("name").setHeader(getTranslation("warehouse.name")).setWidth("14rem")
                .setFlexGrow(0).setTooltipGenerator(Warehouse::name);
        grid.addColumn(w -> getTranslation("warehouse.kind." + w.kind().name())).setKey("kind")
                .setHeader(getTranslation("warehouse.kind")).setAutoWidth(true);
        grid.addColumn(WarehousesView::address).setKey("address").setHeader(getTranslation("warehouse.address"))
                .setWidth("20rem").setFlexGrow(1).setTooltipGenerator(WarehousesView::address);
        grid.addColumn(Warehouse::countryCode).setKey("country").setHeader(getTranslation("warehouse.country"))
                .setAutoWidth(true);
        grid.addColumn(w -> getTranslation(w.enabled() ? "warehouse.enabled" : "warehouse.disabled"))
                .setKey("enabled").setHeader(getTranslation("warehouse.status")).setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("warehouse.empty"));
        grid.setSizeFull();
        body.add(actions, grid);
        reload();
    }

    private Div rowActions(Warehouse w) {
        Button edit = new Button(getTranslation("warehouse.edit"), e -> openEditor(w));
        edit.addClassName("warehouse-edit");
        Button toggle = new Button(getTranslation(w.enabled() ? "warehouse.disable" : "warehouse.enable"),
                e -> toggle(w));
        toggle.addClassName("warehouse-toggle");
        Button delete = new Button(getTranslation("warehouse.delete"), e -> confirmDelete(w));
        delete.addClassName("warehouse-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : List.of(edit, toggle, delete)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.getElement().setAttribute("data-code", w.code());
        }
        return new Div(edit, toggle, delete);
    }

    private void reload() {
        try {
            grid.setItems(UiServices.warehouses().list());
            notice.clear();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    private static String actor() {
        return CurrentUser.get().map(UserIdentity::name).orElse("unknown");
    }

    static String address(Warehouse w) {
        StringBuilder sb = new StringBuilder();
        String cityLine = w.postalCode() == null ? w.city() : w.postalCode() + " " + (w.city() == null ? "" : w.city());
        for (String part : new String[] {w.line1(), w.line2(), cityLine, w.state()}) {
            if (part != null && !part.isBlank()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(part.strip());
            }
        }
        return sb.toString();
    }

    private void toggle(Warehouse w) {
        try {
            Warehouse after = UiServices.warehouses().setEnabled(w.code(), !w.enabled(), actor());
            reload();
            BatchUi.info(getTranslation(after.enabled() ? "warehouse.wasEnabled" : "warehouse.wasDisabled",
                    after.code()));
        } catch (OperationRefusedException e) {
            BatchUi.info(Reasons.of(e));
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    /** {@code warehouse-delete-dialog}: confirm, then delete; a refusal stays in the dialog ({@code warehouse-delete-error}). */
    private void confirmDelete(Warehouse w) {
        DeleteConfirmation.open("warehouse", getTranslation("warehouse.deleteTitle", w.code()),
                getTranslation("warehouse.deleteConfirm", w.code(), w.name()),
                () -> UiServices.warehouses().delete(w.code(), actor()), () -> {
                    reload();
                    BatchUi.info(getTranslation("warehouse.deleted", w.code()));
                });
    }

    /** {@code warehouse-dialog}: create (row null) or edit a warehouse; field ids {@code warehouse-<field>}. */
    private void openEditor(Warehouse row) {
        WarehouseService service;
        try {
            service = UiServices.warehouses();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("warehouse-dialog");
        dialog.setHeaderTitle(row == null ? getTranslation("warehouse.new")
                : getTranslation("warehouse.editTitle", row.code()));
        dialog.setWidth("44rem");

        Map<String, HasValidation> fields = new LinkedHashMap<>();
        TextField code = text(fields, WarehouseValidator.CODE, "warehouse.code", row == null ? null : row.code());
        code.setReadOnly(row != null);
        TextField name = text(fields, WarehouseValidator.NAME, "warehouse.name", row == null ? null : row.name());
        ComboBox<WarehouseKind> kind = new ComboBox<>(getTranslation("warehouse.kind"));
        kind.setId("warehouse-kind");
        kind.setItems(WarehouseKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("warehouse.kind." + k.name()));
        kind.setValue(row == null ? WarehouseKind.OWN : row.kind());
        fields.put(WarehouseValidator.KIND, kind);
        TextField line1 = text(fields, WarehouseValidator.LINE1, "warehouse.line1", row == null ? null : row.line1());
        TextField line2 = text(fields, WarehouseValidator.LINE2, "warehouse.line2", row == null ? null : row.line2());
        TextField city = text(fields, WarehouseValidator.CITY, "warehouse.city", row == null ? null : row.city());
        TextField state = text(fields, WarehouseValidator.STATE, "warehouse.state", row == null ? null : row.state());
        TextField postal = text(fields, WarehouseValidator.POSTAL_CODE, "warehouse.postalCode",
                row == null ? null : row.postalCode());
        ComboBox<String> country = new ComboBox<>(getTranslation("warehouse.country"));
        country.setId("warehouse-country");
        Locale ui = getLocale() == null ? Locale.ENGLISH : getLocale();
        country.setItems(Arrays.stream(Locale.getISOCountries()).sorted().toList());
        country.setItemLabelGenerator(c -> c + " · " + new Locale("", c).getDisplayCountry(ui));
        country.setValue(row == null ? null : row.countryCode());
        fields.put(WarehouseValidator.COUNTRY, country);
        TextField contact = text(fields, WarehouseValidator.CONTACT, "warehouse.contact",
                row == null ? null : row.contactName());
        TextField phone = text(fields, WarehouseValidator.PHONE, "warehouse.phone", row == null ? null : row.phone());
        TextField email = text(fields, WarehouseValidator.EMAIL, "warehouse.email", row == null ? null : row.email());

        FormLayout form = new FormLayout(code, name, kind, country, line1, line2, city, state, postal, contact, phone,
                email);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        Span error = new Span();
        error.setId("warehouse-error");
        error.addClassName("wb-error");
        error.setVisible(false);
        dialog.add(form, error);

        Button save = new Button(getTranslation("warehouse.save"));
        save.setId("warehouse-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            error.setVisible(false);
            Warehouse draft = WarehouseValidator.normalise(new Warehouse(code.getValue(), name.getValue(),
                    kind.getValue(), line1.getValue(), line2.getValue(), city.getValue(), state.getValue(),
                    postal.getValue(), country.getValue(), contact.getValue(), phone.getValue(), email.getValue(),
                    row == null || row.enabled()));
            List<WarehouseValidator.Problem> problems = WarehouseValidator.check(draft);
            if (!problems.isEmpty()) {
                for (WarehouseValidator.Problem p : problems) {
                    HasValidation f = fields.get(p.field());
                    if (f != null && !f.isInvalid()) {
                        f.setErrorMessage(getTranslation("warehouse.problem." + p.code()));
                        f.setInvalid(true);
                    }
                }
                error.setText(getTranslation("warehouse.fixFields"));
                error.setVisible(true);
                return;
            }
            try {
                Warehouse saved = row == null ? service.create(draft, actor()) : service.update(draft, actor());
                dialog.close();
                reload();
                BatchUi.info(getTranslation("warehouse.saved", saved.code()));
            } catch (OperationRefusedException ex) {
                if (WarehouseService.DUPLICATE.equals(ex.code())) {
                    code.setErrorMessage(Reasons.of(ex));
                    code.setInvalid(true);
                }
                error.setText(Reasons.of(ex));
                error.setVisible(true);
            } catch (RuntimeException ex) {
                org.slf4j.LoggerFactory.getLogger(WarehousesView.class).warn("Saving a warehouse failed", ex);
                error.setText(getTranslation("batch.unexpected"));
                error.setVisible(true);
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("warehouse-cancel");
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private TextField text(Map<String, HasValidation> fields, String field, String labelKey, String value) {
        TextField t = new TextField(getTranslation(labelKey));
        t.setId("warehouse-" + field);
        t.setValue(value == null ? "" : value);
        fields.put(field, t);
        return t;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("warehouse.title") + " · Waybill";
    }
}
