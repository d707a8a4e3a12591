package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.core.model.StoreInfo;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.util.List;
import java.util.Optional;

/**
 * {@code /settings/shipping}: the stores' shipping methods (which carrier plugin and service ship them) and a form
 * to add or replace one. Supervisors and admins only.
 */
@Route(value = "settings/shipping", layout = MainLayout.class)
public class ShippingMethodsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ServiceNotice notice = new ServiceNotice();
    private final Grid<ShippingMethodInfo> grid = new Grid<>();
    private final ComboBox<StoreInfo> store = new ComboBox<>();
    private final TextField code = new TextField();
    private final ComboBox<String> carrier = new ComboBox<>();
    private final TextField serviceCode = new TextField();
    private final Checkbox isDefault = new Checkbox();
    private final Span error = new Span();
    private final Div body = new Div();

    /** Whether a user may change shipping methods. */
    public static boolean allowed(Optional<UserIdentity> user) {
        return user.map(u -> u.hasRole(UserIdentity.SUPERVISOR) || u.hasRole(UserIdentity.ADMIN)).orElse(false);
    }

    public ShippingMethodsView() {
        addClassName("wb-page");
        setSizeFull();
        Div titleRow = new Div(new H2(getTranslation("shipping.title")));
        titleRow.addClassName("wb-title-row");
        add(titleRow, notice, body);
        body.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        body.removeAll();
        if (!allowed(CurrentUser.get())) {
            Div denied = new Div(new Span(getTranslation("shipping.denied")));
            denied.setId("access-denied");
            denied.addClassName("wb-alert");
            body.add(denied);
            return;
        }
        build();
    }

    private void build() {
        grid.setId("shipping-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        if (grid.getColumns().isEmpty()) {
            grid.addColumn(ShippingMethodInfo::storeCode).setKey("store").setHeader(getTranslation("filter.store"))
                    .setAutoWidth(true).setSortable(true);
            grid.addColumn(ShippingMethodInfo::code).setKey("code").setHeader(getTranslation("shipping.code"))
                    .setAutoWidth(true).setSortable(true);
            grid.addColumn(ShippingMethodInfo::carrierId).setKey("carrier")
                    .setHeader(getTranslation("shipping.carrier")).setAutoWidth(true).setSortable(true);
            grid.addColumn(ShippingMethodInfo::serviceCode).setKey("service")
                    .setHeader(getTranslation("shipping.service")).setAutoWidth(true);
            grid.addColumn(m -> m.isDefault() ? getTranslation("shipping.yes") : "").setKey("default")
                    .setHeader(getTranslation("shipping.default")).setAutoWidth(true);
            grid.setEmptyStateText(getTranslation("shipping.empty"));
            grid.setAllRowsVisible(true);
            grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        }

        store.setId("shipping-store");
        store.setLabel(getTranslation("filter.store"));
        store.setItemLabelGenerator(s -> Formats.store(s.name(), s.platform()) + " (" + s.code() + ")");
        code.setId("shipping-code");
        code.setLabel(getTranslation("shipping.code"));
        code.setPlaceholder("STANDARD");
        carrier.setId("shipping-carrier");
        carrier.setLabel(getTranslation("shipping.carrier"));
        serviceCode.setId("shipping-service");
        serviceCode.setLabel(getTranslation("shipping.service"));
        isDefault.setId("shipping-default");
        isDefault.setLabel(getTranslation("shipping.default"));
        error.setId("shipping-error");
        error.addClassName("wb-error");
        error.setVisible(false);
        Button save = new Button(getTranslation("shipping.save"), e -> save());
        save.setId("shipping-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(store, code, carrier, serviceCode, isDefault, save);
        form.setId("shipping-form");
        form.addClassName("wb-filters");

        body.add(grid, new H3(getTranslation("shipping.formTitle")), form, error);
        try {
            store.setItems(UiServices.stores().stores());
            carrier.setItems(UiServices.plugins().plugins().stream()
                    .filter(p -> p.kind() == PluginInfo.Kind.CARRIER).map(PluginInfo::id).toList());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
        reload();
    }

    private void reload() {
        try {
            grid.setItems(UiServices.carriers().shippingMethods(null));
            notice.clear();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            grid.setItems(List.of());
        }
    }

    private void edit(ShippingMethodInfo m) {
        if (m == null) {
            return;
        }
        store.getListDataView().getItems().filter(s -> s.code().equals(m.storeCode())).findFirst()
                .ifPresent(store::setValue);
        code.setValue(m.code());
        carrier.setValue(m.carrierId());
        serviceCode.setValue(m.serviceCode() == null ? "" : m.serviceCode());
        isDefault.setValue(m.isDefault());
    }

    private void save() {
        error.setVisible(false);
        if (store.getValue() == null || code.getValue().isBlank() || carrier.getValue() == null) {
            error.setText(getTranslation("shipping.incomplete"));
            error.setVisible(true);
            return;
        }
        String actor = CurrentUser.get().map(UserIdentity::name).orElse("unknown");
        try {
            ShippingMethodInfo saved = UiServices.carriers().saveShippingMethod(new ShippingMethodInfo(
                    store.getValue().code(), code.getValue().strip(), carrier.getValue(),
                    serviceCode.getValue().strip(), isDefault.getValue()), actor);
            reload();
            BatchUi.info(getTranslation("shipping.saved", saved.storeCode(), saved.code()));
        } catch (OperationRefusedException e) {
            error.setText(Reasons.of(e));
            error.setVisible(true);
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shipping.title") + " · Waybill";
    }
}
