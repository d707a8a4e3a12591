package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.PluginRegistry;
import io.waybill.core.api.StoreService;
import io.waybill.core.model.ConnectionTest;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.core.model.Store;
import io.waybill.core.model.StoreDraft;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.ui.internal.i18n.WaybillI18NProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /stores} (admin, {@link Permission#MANAGE_STORES}): the stores (marketplace accounts). A dialog creates or
 * edits one: the platform from the installed plugins (listed even before any account exists), the plugin's own
 * settings in a form generated from its Metatype (PASSWORD settings in password fields that are never filled back:
 * they show "set" or "not set", and left empty keep the stored secret), capture interval, warehouse priority and
 * auto-sync, default shipping method (carrier and service, used when an order names none). <b>Test connection</b>
 * asks the plugin with the saved settings and shows the outcome in the user's language with the plugin's own words
 * below; the settings form's labels come from the plugin's Metatype in the user's language. A store without orders
 * can be deleted after a confirmation; one with packages is refused there (disable it instead).
 */
@Route(value = "stores", layout = MainLayout.class)
public class StoresView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final Grid<Store> grid = new Grid<>();
    private final ServiceNotice notice = new ServiceNotice();
    private final Div body = new Div();

    /** Whether the user may see and change stores. */
    public static boolean allowed(Optional<UserIdentity> user) {
        return user.map(u -> Permission.MANAGE_STORES.allowedFor(u.roles())).orElse(false);
    }

    public StoresView() {
        addClassName("wb-page");
        setSizeFull();
        Div titleRow = new Div(new H2(getTranslation("store.title")));
        titleRow.addClassName("wb-title-row");
        body.setSizeFull();
        add(titleRow, notice, body);
        setFlexGrow(1, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        body.removeAll();
        if (!allowed(CurrentUser.get())) {
            Div denied = new Div(new Span(getTranslation("store.denied")));
            denied.setId("access-denied");
            denied.addClassName("wb-alert");
            body.add(denied);
            return;
        }
        Button add = new Button(getTranslation("store.new"), VaadinIcon.PLUS.create(), e -> openEditor(null));
        add.setId("store-new");
        Div actions = new Div(add);
        actions.addClassName("wb-filters");

        grid.removeAllColumns();
        grid.setId("store-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Store::code).setKey("code").setHeader(getTranslation("store.code")).setAutoWidth(true);
        grid.addColumn(Store::name).setKey("name").setHeader(getTranslation("store.name")).setWidth("14rem")
                .setFlexGrow(0).setTooltipGenerator(Store::name);
        grid.addColumn(s -> platformNames.getOrDefault(s.platform(), s.platform())).setKey("platform")
                .setHeader(getTranslation("store.platform")).setAutoWidth(true);
        grid.addColumn(s -> String.join(" > ", s.warehouses())).setKey("warehouses")
                .setHeader(getTranslation("store.warehouses")).setAutoWidth(true);
        grid.addColumn(s -> s.captureIntervalMinutes() == 0 ? getTranslation("store.onDemand")
                : getTranslation("store.every", s.captureIntervalMinutes())).setKey("capture")
                .setHeader(getTranslation("store.capture")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.autoSync() ? "store.yes" : "store.no")).setKey("autoSync")
                .setHeader(getTranslation("store.autoSyncShort")).setAutoWidth(true);
        grid.addColumn(StoresView::method).setKey("shipping").setHeader(getTranslation("store.shippingMethod"))
                .setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.accountConfigured() ? "store.accountSet" : "store.accountNone"))
                .setKey("account").setHeader(getTranslation("store.account")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.enabled() ? "store.enabled" : "store.disabled")).setKey("enabled")
                .setHeader(getTranslation("store.status")).setAutoWidth(true);
        // frozen: the row's buttons stay in view however wide the other columns are
        grid.addComponentColumn(this::rowActions).setKey("actions").setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("store.empty"));
        grid.setSizeFull();
        body.add(actions, grid);
        reload();
    }

    private Div rowActions(Store s) {
        Button edit = new Button(getTranslation("store.edit"), e -> openEditor(s));
        edit.addClassName("store-edit");
        Button toggle = new Button(getTranslation(s.enabled() ? "store.disable" : "store.enable"), e -> toggle(s));
        toggle.addClassName("store-toggle");
        Button test = new Button(getTranslation("store.test"), e -> BatchUi.info(testText(s.code())));
        test.addClassName("store-test");
        Button delete = new Button(getTranslation("store.delete"), e -> confirmDelete(s));
        delete.addClassName("store-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button customs = new Button(getTranslation("store.customs"), e -> openCustoms(s));
        customs.addClassName("store-customs");
        for (Button b : List.of(edit, customs, toggle, test, delete)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.getElement().setAttribute("data-code", s.code());
        }
        return new Div(edit, customs, toggle, test, delete);
    }

    /**
     * {@code store-customs-dialog}: the store's customs settings (报关): the tax ids its declarations carry
     * ({@code store-ioss}, {@code store-voec}, {@code store-eori}, {@code store-vat}), the category a declaration
     * starts with ({@code store-customs-category}) and whether uploads are checked ({@code store-customs-check}).
     * The core checks the numbers; its reasons are shown in {@code store-customs-error}.
     */
    private void openCustoms(Store s) {
        io.waybill.core.api.CustomsService service;
        io.waybill.core.model.StoreCustoms current;
        try {
            service = UiServices.customs();
            current = service.storeCustoms(s.code(), actor());
        } catch (UiServices.ServiceUnavailableException e) {
            notice.show(e);
            return;
        } catch (io.waybill.core.api.OperationRefusedException e) {
            BatchUi.info(Reasons.of(e));
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("store-customs-dialog");
        dialog.setHeaderTitle(getTranslation("store.customsTitle", s.code()));
        dialog.setWidth("min(40rem, 95vw)");
        com.vaadin.flow.component.textfield.TextField ioss = customsField("store-ioss", "store.ioss",
                current.taxIds().ioss(), "store.iossHelp");
        com.vaadin.flow.component.textfield.TextField voec = customsField("store-voec", "store.voec",
                current.taxIds().voec(), null);
        com.vaadin.flow.component.textfield.TextField eori = customsField("store-eori", "store.eori",
                current.taxIds().eori(), null);
        com.vaadin.flow.component.textfield.TextField vat = customsField("store-vat", "store.vat",
                current.taxIds().vat(), null);
        com.vaadin.flow.component.select.Select<io.waybill.spi.carrier.CustomsDeclaration.Category> category =
                new com.vaadin.flow.component.select.Select<>();
        category.setId("store-customs-category");
        category.setLabel(getTranslation("customs.category"));
        category.setItems(io.waybill.spi.carrier.CustomsDeclaration.Category.values());
        category.setItemLabelGenerator(c -> getTranslation("customs.category." + c.name()));
        category.setValue(current.defaultCategory());
        com.vaadin.flow.component.checkbox.Checkbox check = new com.vaadin.flow.component.checkbox.Checkbox(
                getTranslation("store.customsCheck"), current.checkBeforeUpload());
        check.setId("store-customs-check");
        Div error = new Div();
        error.setId("store-customs-error");
        error.addClassName("wb-error");
        error.setVisible(false);
        dialog.add(new Div(ioss, voec), new Div(eori, vat), new Div(category), new Div(check), error);
        Button save = new Button(getTranslation("store.save"), e -> {
            try {
                service.setStoreCustoms(s.code(), new io.waybill.core.model.StoreCustoms(
                        new io.waybill.spi.carrier.CustomsDeclaration.TaxIds(ioss.getValue(), voec.getValue(),
                                eori.getValue(), vat.getValue()), category.getValue(), check.getValue()), actor());
                dialog.close();
                BatchUi.info(getTranslation("store.customsSaved", s.code()));
            } catch (io.waybill.core.api.OperationRefusedException ex) {
                error.setText(Reasons.of(ex));
                error.setVisible(true);
            }
        });
        save.setId("store-customs-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("store-customs-cancel");
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private com.vaadin.flow.component.textfield.TextField customsField(String id, String label, String value,
                                                                       String help) {
        com.vaadin.flow.component.textfield.TextField f = new com.vaadin.flow.component.textfield.TextField(
                getTranslation(label));
        f.setId(id);
        f.setValue(value == null ? "" : value);
        f.setMaxLength(20);
        if (help != null) {
            f.setHelperText(getTranslation(help));
        }
        return f;
    }

    /** The default shipping method as the grid shows it: {@code STANDARD: pool / RR}, or empty. */
    static String method(Store s) {
        ShippingMethodInfo m = s.defaultShippingMethod();
        return m == null ? "" : m.code() + ": " + m.carrierId() + (m.serviceCode() == null ? "" : " / " + m.serviceCode());
    }

    /** {@code store-delete-dialog}: confirm, then delete; a store with packages is refused there (disable it instead). */
    private void confirmDelete(Store s) {
        DeleteConfirmation.open("store", getTranslation("store.deleteTitle", s.code()),
                getTranslation("store.deleteConfirm", s.code(), s.name()),
                () -> UiServices.stores().delete(s.code(), actor()), () -> {
                    reload();
                    BatchUi.info(getTranslation("store.deleted", s.code()));
                });
    }

    /** Carrier plugin ids to offer for the default shipping method: registered ones and installed kinds. */
    private static List<String> carrierIds() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        try {
            PluginRegistry registry = UiServices.plugins();
            registry.plugins().stream().filter(p -> p.kind() == PluginInfo.Kind.CARRIER).forEach(p -> ids.add(p.id()));
            registry.installedTypes(null).stream().filter(t -> t.kind() == PluginInfo.Kind.CARRIER)
                    .forEach(t -> ids.add(t.id()));
        } catch (ServiceUnavailableException e) {
            // the field still takes a typed carrier id
        }
        return List.copyOf(ids);
    }

    /** Platform id -> the installed plugin's name for it in the UI language (an id without a plugin shows as is). */
    private java.util.Map<String, String> platformNames = java.util.Map.of();

    private void reload() {
        try {
            StoreService service = UiServices.stores();
            java.util.Map<String, String> names = new java.util.HashMap<>();
            for (PlatformType t : service.platforms(getLocale())) {
                if (t.name() != null && !t.name().isBlank()) {
                    names.put(t.id(), t.name());
                }
            }
            platformNames = names;
            grid.setItems(service.list());
            notice.clear();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    private static String actor() {
        return CurrentUser.get().map(UserIdentity::name).orElse("unknown");
    }

    private void toggle(Store s) {
        try {
            Store after = UiServices.stores().setEnabled(s.code(), !s.enabled(), actor());
            reload();
            BatchUi.info(getTranslation(after.enabled() ? "store.wasEnabled" : "store.wasDisabled", after.code()));
        } catch (OperationRefusedException e) {
            BatchUi.info(Reasons.of(e));
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    /** The answer of Test connection, or null when the core refused or is not there ({@link #lastProblem}). */
    private ConnectionTest test(String code) {
        lastProblem = null;
        try {
            return UiServices.stores().testConnection(code, actor());
        } catch (OperationRefusedException e) {
            lastProblem = Reasons.of(e);
        } catch (ServiceUnavailableException e) {
            lastProblem = getTranslation("unavailable.service", e.serviceName());
        }
        return null;
    }

    private String lastProblem;

    /**
     * The readable result of Test connection in the UI's language: the outcome's sentence from its code and
     * parameters ({@code store.testOutcome.<code>}, else the refusal kind {@code reason.<code>}, else the code), and
     * the plugin's own words (English facts such as the shop's name or the marketplace's error) as a second line.
     */
    private String testText(String code, ConnectionTest t) {
        if (t == null) {
            return lastProblem;
        }
        String headline = getTranslation(t.ok() ? "store.testOk" : "store.testFailed", code, outcome(t));
        return t.detail().isEmpty() ? headline.strip() : headline.strip() + "\n" + t.detail();
    }

    private String outcome(ConnectionTest t) {
        Object[] params = t.params().toArray();
        String key = "store.testOutcome." + t.code();
        if (WaybillI18NProvider.has(getLocale(), key)) {
            return getTranslation(key, params);
        }
        return t.ok() ? "" : getTranslation("store.testOutcome.other", t.code());
    }

    private String testText(String code) {
        return testText(code, test(code));
    }

    /** {@code store-dialog}: create (row null) or edit a store; field ids {@code store-<field>}, settings {@code store-setting-<id>}. */
    private void openEditor(Store row) {
        StoreService service;
        List<PlatformType> platforms;
        try {
            service = UiServices.stores();
            platforms = service.platforms(getLocale());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("store-dialog");
        dialog.setHeaderTitle(row == null ? getTranslation("store.new") : getTranslation("store.editTitle", row.code()));
        dialog.setWidth("48rem");

        TextField code = new TextField(getTranslation("store.code"));
        code.setId("store-code");
        code.setValue(row == null ? "" : row.code());
        code.setReadOnly(row != null);
        TextField name = new TextField(getTranslation("store.name"));
        name.setId("store-name");
        name.setValue(row == null ? "" : row.name());
        ComboBox<PlatformType> platform = new ComboBox<>(getTranslation("store.platform"));
        platform.setId("store-platform");
        platform.setItems(platforms);
        platform.setItemLabelGenerator(t -> t.name() + " (" + t.id() + ")");
        platform.setReadOnly(row != null);
        IntegerField interval = new IntegerField(getTranslation("store.interval"));
        interval.setId("store-interval");
        interval.setHelperText(getTranslation("store.intervalHelp"));
        interval.setMin(0);
        interval.setMax(1440);
        interval.setValue(row == null ? 15 : row.captureIntervalMinutes());
        TextField warehouses = new TextField(getTranslation("store.warehouses"));
        warehouses.setId("store-warehouses");
        warehouses.setHelperText(getTranslation("store.warehousesHelp"));
        warehouses.setValue(row == null ? "" : String.join(", ", row.warehouses()));
        Checkbox autoSync = new Checkbox(getTranslation("store.autoSync"));
        autoSync.setId("store-autosync");
        autoSync.setValue(row == null || row.autoSync());
        ShippingMethodInfo method = row == null ? null : row.defaultShippingMethod();
        ComboBox<String> carrier = new ComboBox<>(getTranslation("store.shippingCarrier"));
        carrier.setId("store-shipping-carrier");
        List<String> carriers = new ArrayList<>(carrierIds());
        if (method != null && !carriers.contains(method.carrierId())) {
            carriers.add(method.carrierId());
        }
        carrier.setItems(carriers);
        carrier.setAllowCustomValue(true);
        carrier.addCustomValueSetListener(e -> carrier.setValue(e.getDetail()));
        carrier.setHelperText(getTranslation("store.shippingHelp"));
        if (method != null) {
            carrier.setValue(method.carrierId());
        }
        TextField carrierService = new TextField(getTranslation("store.shippingService"));
        carrierService.setId("store-shipping-service");
        carrierService.setValue(method == null || method.serviceCode() == null ? "" : method.serviceCode());

        FormLayout form = new FormLayout(code, name, platform, interval, warehouses, autoSync, carrier, carrierService);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        H4 settingsTitle = new H4(getTranslation("store.settings"));
        SettingsForm settingsForm = new SettingsForm();
        settingsForm.setId("store-settings");
        Runnable buildSettings = () -> {
            PlatformType t = platform.getValue();
            settingsTitle.setVisible(t != null && !t.settings().isEmpty());
            settingsForm.show(t == null ? List.of() : t.settings(), row == null ? Map.of() : row.settings(),
                    row == null ? java.util.Set.of() : row.secretsSet(), "store-setting-");
        };
        platform.addValueChangeListener(e -> buildSettings.run());
        if (row != null) {
            platforms.stream().filter(t -> t.id().equals(row.platform())).findFirst().ifPresent(platform::setValue);
        }
        buildSettings.run();

        Span error = new Span();
        error.setId("store-error");
        error.addClassName("wb-error");
        error.setVisible(false);
        Span testResult = new Span();
        testResult.setId("store-test-result");
        testResult.setVisible(false);
        testResult.getStyle().set("white-space", "pre-line");
        // at the top: the answer of Test connection is seen without scrolling through the settings
        dialog.add(testResult, form, settingsTitle, settingsForm, error);

        Button test = new Button(getTranslation("store.test"));
        test.setId("store-test");
        test.setEnabled(row != null);
        test.addClickListener(e -> {
            ConnectionTest t = test(row.code());
            testResult.setText(testText(row.code(), t));
            testResult.setClassName("wb-ok", t != null && t.ok());
            testResult.setClassName("wb-alert", t == null || !t.ok());
            testResult.setVisible(true);
            // the result is at the top; a user who scrolled down through the settings is brought back to it
            testResult.getElement().executeJs("this.scrollIntoView({block: 'nearest'})");
        });
        Button save = new Button(getTranslation("store.save"));
        save.setId("store-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            error.setVisible(false);
            Map<String, String> settings = settingsForm.values();
            List<String> wh = new ArrayList<>();
            for (String w : warehouses.getValue().split("[,\\s>]+")) {
                if (!w.isBlank()) {
                    wh.add(w.strip());
                }
            }
            String carrierId = carrier.getValue() == null ? "" : carrier.getValue().strip();
            // no carrier: the store's shipping methods stay as they are
            ShippingMethodInfo defaultMethod = carrierId.isEmpty() ? null : new ShippingMethodInfo(null,
                    method == null ? null : method.code(), carrierId, carrierService.getValue(), true);
            StoreDraft draft = new StoreDraft(code.getValue(), name.getValue(),
                    platform.getValue() == null ? null : platform.getValue().id(),
                    interval.getValue() == null ? -1 : interval.getValue(), wh, autoSync.getValue(), settings,
                    defaultMethod);
            try {
                Store saved = row == null ? service.create(draft, actor()) : service.update(draft, actor());
                reload();
                BatchUi.info(getTranslation("store.saved", saved.code()));
                dialog.close();
                if (row == null) {
                    openEditor(saved); // now Test connection can ask the plugin with the saved settings
                }
            } catch (OperationRefusedException ex) {
                error.setText(Reasons.of(ex));
                error.setVisible(true);
            } catch (RuntimeException ex) {
                org.slf4j.LoggerFactory.getLogger(StoresView.class).warn("Saving a store failed: {}",
                        ex.getClass().getSimpleName());
                error.setText(getTranslation("batch.unexpected"));
                error.setVisible(true);
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("store-cancel");
        dialog.getFooter().add(cancel, test, save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("store.title") + " · Waybill";
    }

}
