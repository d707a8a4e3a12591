package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.UserService;
import io.waybill.core.model.StoreInfo;
import io.waybill.core.model.UserIdentity;
import io.waybill.core.model.UserInfo;
import io.waybill.core.model.WarehouseInfo;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.Reasons;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code /users}: the admin's user management — every user with role, state, scope and last sign-in; create a user,
 * edit role / scope / enabled, set a new password. Admins only: the view asks the core on every visit
 * ({@link UserService#mayManageUsers}), so a hidden menu item is not the only guard; the core refuses anyone else's
 * calls as well.
 */
@Route(value = "users", layout = MainLayout.class)
public class UsersView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final List<String> ROLES = List.of(UserIdentity.OPERATOR, UserIdentity.SUPERVISOR, UserIdentity.ADMIN);

    private final ServiceNotice notice = new ServiceNotice();
    private final Grid<UserInfo> grid = new Grid<>();
    private final Div body = new Div();

    public UsersView() {
        addClassName("wb-page");
        setSizeFull();
        Div titleRow = new Div(new H2(getTranslation("users.title")));
        titleRow.addClassName("wb-title-row");
        add(titleRow, notice, body);
        body.setWidthFull();
    }

    private static String me() {
        return CurrentUser.get().map(UserIdentity::name).orElse(null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        body.removeAll();
        boolean allowed;
        try {
            allowed = me() != null && UiServices.users().mayManageUsers(me());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return;
        }
        if (!allowed) {
            Div denied = new Div(new Span(getTranslation("users.denied")));
            denied.setId("access-denied");
            denied.addClassName("wb-alert");
            body.add(denied);
            return;
        }
        build();
    }

    private void build() {
        Button create = new Button(getTranslation("users.new"), VaadinIcon.PLUS.create(), e -> openDialog(null));
        create.setId("user-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        if (grid.getColumns().isEmpty()) {
            grid.addColumn(UserInfo::name).setKey("name").setHeader(getTranslation("users.name"))
                    .setAutoWidth(true).setSortable(true);
            grid.addColumn(u -> u.role() == null ? "–" : getTranslation("role." + u.role())).setKey("role")
                    .setHeader(getTranslation("users.role")).setAutoWidth(true);
            grid.addColumn(u -> getTranslation(u.enabled() ? "users.enabled" : "users.disabled")).setKey("state")
                    .setHeader(getTranslation("users.state")).setAutoWidth(true);
            grid.addColumn(u -> scope(u.warehouses())).setKey("warehouses")
                    .setHeader(getTranslation("users.warehouses")).setAutoWidth(true);
            grid.addColumn(u -> scope(u.stores())).setKey("stores").setHeader(getTranslation("users.stores"))
                    .setAutoWidth(true);
            grid.addColumn(u -> u.lastSignIn() == null ? getTranslation("users.never")
                    : Formats.dateTime(u.lastSignIn(), ZoneId.systemDefault())).setKey("lastSignIn")
                    .setHeader(getTranslation("users.lastSignIn")).setAutoWidth(true);
            grid.addComponentColumn(u -> {
                Button edit = new Button(getTranslation("users.edit"), VaadinIcon.EDIT.create(), e -> openDialog(u));
                edit.addClassName("user-edit");
                edit.getElement().setAttribute("data-user", u.name());
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                return edit;
            }).setKey("edit").setAutoWidth(true);
            grid.setAllRowsVisible(true);
        }
        body.add(new Div(create), grid);
        reload();
    }

    private String scope(Set<String> codes) {
        return codes.isEmpty() ? getTranslation("users.all") : String.join(", ", codes);
    }

    private void reload() {
        try {
            grid.setItems(UiServices.users().users(me()));
            notice.clear();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            grid.setItems(List.of());
        } catch (OperationRefusedException e) {
            BatchUi.error(Reasons.of(e));
            grid.setItems(List.of());
        }
    }

    /** Create (user null) or edit dialog. */
    private void openDialog(UserInfo user) {
        boolean creating = user == null;
        Dialog dialog = new Dialog();
        dialog.setId("user-dialog");
        dialog.setHeaderTitle(creating ? getTranslation("users.new") : getTranslation("users.editTitle", user.name()));
        TextField name = new TextField(getTranslation("users.name"));
        name.setId("user-name");
        name.setVisible(creating);
        Select<String> role = new Select<>();
        role.setId("user-role");
        role.setLabel(getTranslation("users.role"));
        role.setItems(ROLES);
        role.setItemLabelGenerator(r -> getTranslation("role." + r));
        role.setValue(creating || user.role() == null ? UserIdentity.OPERATOR : user.role());
        MultiSelectComboBox<String> warehouses = new MultiSelectComboBox<>(getTranslation("users.warehouses"));
        warehouses.setId("user-warehouses");
        warehouses.setHelperText(getTranslation("users.scopeHint"));
        MultiSelectComboBox<String> stores = new MultiSelectComboBox<>(getTranslation("users.stores"));
        stores.setId("user-stores");
        try {
            warehouses.setItems(UiServices.stock().warehouses().stream().map(WarehouseInfo::code).sorted().toList());
            stores.setItems(UiServices.stores().stores().stream().map(StoreInfo::code).sorted().toList());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
        Checkbox enabled = new Checkbox(getTranslation("users.enabled"));
        enabled.setId("user-enabled");
        enabled.setVisible(!creating);
        PasswordField password = new PasswordField(getTranslation(creating ? "password.new" : "users.resetPassword"));
        password.setId("user-password");
        password.setHelperText(getTranslation("password.policy"));
        password.getElement().setAttribute("autocomplete", "new-password");
        PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
        repeat.setId("user-password-repeat");
        repeat.getElement().setAttribute("autocomplete", "new-password");
        if (!creating) {
            warehouses.select(user.warehouses());
            stores.select(user.stores());
            enabled.setValue(user.enabled());
        }
        Span error = new Span();
        error.setId("user-error");
        error.addClassName("wb-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        VerticalLayout form = new VerticalLayout(name, role, warehouses, stores, enabled, password, repeat, error);
        form.setPadding(false);
        dialog.add(form);

        Button save = new Button(getTranslation("users.save"), e -> {
            char[] secret = password.getValue().toCharArray();
            try {
                if (!password.getValue().equals(repeat.getValue())) {
                    error.setText(getTranslation("password.mismatch"));
                    error.setVisible(true);
                    return;
                }
                UserService users = UiServices.users();
                String actor = me();
                Set<String> wh = warehouses.getSelectedItems();
                Set<String> st = stores.getSelectedItems();
                if (creating) {
                    users.create(name.getValue(), Set.of(role.getValue()), wh, st, secret, actor);
                } else {
                    if (!role.getValue().equals(user.role())) {
                        users.setRoles(user.name(), Set.of(role.getValue()), actor);
                    }
                    if (!wh.equals(user.warehouses()) || !st.equals(user.stores())) {
                        users.setScope(user.name(), wh, st, actor);
                    }
                    if (enabled.getValue() != user.enabled()) {
                        users.setEnabled(user.name(), enabled.getValue(), actor);
                    }
                    if (secret.length > 0) {
                        users.resetPassword(user.name(), secret, actor);
                    }
                }
                dialog.close();
                BatchUi.info(getTranslation("users.saved", creating ? name.getValue().strip() : user.name()));
                reload();
            } catch (OperationRefusedException ex) {
                error.setText(Reasons.of(ex));
                error.setVisible(true);
                reload();
            } catch (ServiceUnavailableException ex) {
                error.setText(getTranslation("unavailable.service", ex.serviceName()));
                error.setVisible(true);
            } finally {
                Arrays.fill(secret, '\0');
                password.clear();
                repeat.clear();
            }
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("user-cancel");
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · Waybill";
    }
}
