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
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.ShippingService;
import io.waybill.core.model.CarrierCodeMapping;
import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.SkuTolerance;
import io.waybill.core.model.StoreTolerance;
import io.waybill.core.model.StoreInfo;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code /settings/delivery}: delivery settings ("发货设置", workflow step 5 (docs/workflow.md), automatic synchronisation). Per platform,
 * whether shipping queues the store sync automatically; the carrier code mapping (how each platform names each
 * carrier); and how the weight tolerance of the scan station is decided. Supervisors and admins only.
 */
@Route(value = "settings/delivery", layout = MainLayout.class)
public class DeliverySettingsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySettingsView.class);

    private final ServiceNotice notice = new ServiceNotice();
    private final Div body = new Div();
    private final Div autoSyncBox = new Div();
    private final Grid<CarrierCodeMapping> codes = new Grid<>();
    private final ComboBox<String> platform = new ComboBox<>();
    private final ComboBox<String> carrier = new ComboBox<>();
    private final TextField code = new TextField();
    private final Span error = new Span();

    public DeliverySettingsView() {
        addClassName("wb-page");
        setSizeFull();
        Div titleRow = new Div(new H2(getTranslation("deliverySettings.title")));
        titleRow.addClassName("wb-title-row");
        add(titleRow, notice, body);
        body.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        body.removeAll();
        if (!ShippingMethodsView.allowed(CurrentUser.get())) {
            Div denied = new Div(new Span(getTranslation("deliverySettings.denied")));
            denied.setId("access-denied");
            denied.addClassName("wb-alert");
            body.add(denied);
            return;
        }
        build();
    }

    private void build() {
        // automatic synchronisation per platform
        Paragraph autoHelp = new Paragraph(getTranslation("deliverySettings.autoSync.help"));
        autoHelp.addClassName("wb-muted");
        autoSyncBox.setId("auto-sync-settings");
        autoSyncBox.addClassName("wb-auto-sync");

        // carrier code mapping
        codes.setId("carrier-code-grid");
        codes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        if (codes.getColumns().isEmpty()) {
            codes.addColumn(CarrierCodeMapping::platform).setKey("platform")
                    .setHeader(getTranslation("deliverySettings.platform")).setAutoWidth(true).setSortable(true);
            codes.addColumn(CarrierCodeMapping::carrierId).setKey("carrier")
                    .setHeader(getTranslation("shipping.carrier")).setAutoWidth(true).setSortable(true);
            codes.addColumn(CarrierCodeMapping::platformCarrierCode).setKey("code")
                    .setHeader(getTranslation("deliverySettings.code")).setAutoWidth(true).setFlexGrow(1);
            codes.setEmptyStateText(getTranslation("deliverySettings.codes.empty"));
            codes.setAllRowsVisible(true);
            codes.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        }
        Paragraph codesHelp = new Paragraph(getTranslation("deliverySettings.codes.help"));
        codesHelp.addClassName("wb-muted");
        platform.setId("carrier-code-platform");
        platform.setLabel(getTranslation("deliverySettings.platform"));
        platform.setAllowCustomValue(false);
        carrier.setId("carrier-code-carrier");
        carrier.setLabel(getTranslation("shipping.carrier"));
        code.setId("carrier-code-value");
        code.setLabel(getTranslation("deliverySettings.code"));
        code.setHelperText(getTranslation("deliverySettings.code.help"));
        code.setMaxLength(100);
        Button save = new Button(getTranslation("shipping.save"), e -> save());
        save.setId("carrier-code-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(platform, carrier, code, save);
        form.setId("carrier-code-form");
        form.addClassName("wb-filters");
        error.setId("carrier-code-error");
        error.addClassName("wb-error");
        error.setVisible(false);

        // weight tolerance: how it is decided, per store, per SKU
        Div tolerance = new Div(new Paragraph(getTranslation("deliverySettings.tolerance.text1")),
                new Paragraph(getTranslation("deliverySettings.tolerance.text2")),
                new Paragraph(getTranslation("deliverySettings.tolerance.text3")));
        tolerance.setId("weight-tolerance-info");
        tolerance.addClassName("wb-card");

        body.add(new H3(getTranslation("deliverySettings.autoSync")), autoHelp, autoSyncBox,
                new H3(getTranslation("deliverySettings.codes")), codesHelp, codes,
                new H3(getTranslation("deliverySettings.codes.form")), form, error,
                new H3(getTranslation("deliverySettings.tolerance")), tolerance);
        buildTolerances();
        reload();
    }

    private final Grid<StoreTolerance> storeTolerances = new Grid<>();
    private final ComboBox<String> tolStore = new ComboBox<>();
    private final IntegerField tolGrams = new IntegerField();
    private final IntegerField tolPercent = new IntegerField();
    private final Grid<SkuTolerance> skuTolerances = new Grid<>();
    private final TextField tolSku = new TextField();
    private final IntegerField tolSkuGrams = new IntegerField();
    private final Span tolError = new Span();

    private void buildTolerances() {
        storeTolerances.setId("store-tolerance-grid");
        storeTolerances.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        if (storeTolerances.getColumns().isEmpty()) {
            storeTolerances.addColumn(StoreTolerance::storeCode).setKey("store")
                    .setHeader(getTranslation("deliverySettings.tolerance.store")).setAutoWidth(true);
            storeTolerances.addColumn(StoreTolerance::storeName).setKey("name")
                    .setHeader(getTranslation("col.skuName")).setAutoWidth(true).setFlexGrow(1);
            storeTolerances.addColumn(StoreTolerance::grams).setKey("grams")
                    .setHeader(getTranslation("deliverySettings.tolerance.grams")).setAutoWidth(true);
            storeTolerances.addColumn(StoreTolerance::percent).setKey("percent")
                    .setHeader(getTranslation("deliverySettings.tolerance.percent")).setAutoWidth(true);
            storeTolerances.setAllRowsVisible(true);
            storeTolerances.asSingleSelect().addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    tolStore.setValue(e.getValue().storeCode());
                    tolGrams.setValue(e.getValue().grams());
                    tolPercent.setValue(e.getValue().percent());
                }
            });
            skuTolerances.addColumn(SkuTolerance::skuCode).setKey("sku")
                    .setHeader(getTranslation("col.sku")).setAutoWidth(true);
            skuTolerances.addColumn(SkuTolerance::skuName).setKey("name")
                    .setHeader(getTranslation("col.skuName")).setAutoWidth(true).setFlexGrow(1);
            skuTolerances.addColumn(SkuTolerance::grams).setKey("grams")
                    .setHeader(getTranslation("deliverySettings.tolerance.grams")).setAutoWidth(true);
            skuTolerances.setAllRowsVisible(true);
            skuTolerances.setEmptyStateText(getTranslation("deliverySettings.tolerance.sku.none"));
            skuTolerances.asSingleSelect().addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    tolSku.setValue(e.getValue().skuCode());
                    tolSkuGrams.setValue(e.getValue().grams());
                }
            });
        }
        skuTolerances.setId("sku-tolerance-grid");
        skuTolerances.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        tolStore.setId("tolerance-store");
        tolStore.setLabel(getTranslation("deliverySettings.tolerance.store"));
        tolGrams.setId("tolerance-grams");
        tolGrams.setLabel(getTranslation("deliverySettings.tolerance.grams"));
        tolGrams.setMin(0);
        tolGrams.setMax(ShippingService.MAX_TOLERANCE_GRAMS);
        tolPercent.setId("tolerance-percent");
        tolPercent.setLabel(getTranslation("deliverySettings.tolerance.percent"));
        tolPercent.setMin(0);
        tolPercent.setMax(ShippingService.MAX_TOLERANCE_PERCENT);
        Button saveStore = new Button(getTranslation("shipping.save"), e -> saveStoreTolerance());
        saveStore.setId("tolerance-save");
        saveStore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div storeForm = new Div(tolStore, tolGrams, tolPercent, saveStore);
        storeForm.addClassName("wb-filters");
        tolSku.setId("tolerance-sku");
        tolSku.setLabel(getTranslation("col.sku"));
        tolSku.setMaxLength(64);
        tolSkuGrams.setId("tolerance-sku-grams");
        tolSkuGrams.setLabel(getTranslation("deliverySettings.tolerance.grams"));
        tolSkuGrams.setMin(0);
        tolSkuGrams.setMax(ShippingService.MAX_TOLERANCE_GRAMS);
        Button saveSku = new Button(getTranslation("shipping.save"), e -> saveSkuTolerance(false));
        saveSku.setId("tolerance-sku-save");
        saveSku.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button removeSku = new Button(getTranslation("deliverySettings.tolerance.remove"), e -> saveSkuTolerance(true));
        removeSku.setId("tolerance-sku-remove");
        Div skuForm = new Div(tolSku, tolSkuGrams, saveSku, removeSku);
        skuForm.addClassName("wb-filters");
        tolError.setId("tolerance-error");
        tolError.addClassName("wb-error");
        tolError.setVisible(false);
        body.add(storeTolerances, storeForm, new H3(getTranslation("deliverySettings.tolerance.skus")),
                skuTolerances, skuForm, tolError);
    }

    private void reloadTolerances() {
        List<StoreTolerance> stores = UiServices.shipping().storeTolerances();
        storeTolerances.setItems(stores);
        String picked = tolStore.getValue();
        List<String> storeCodes = stores.stream().map(StoreTolerance::storeCode).toList();
        tolStore.setItems(storeCodes);
        if (picked != null && storeCodes.contains(picked)) {
            tolStore.setValue(picked);
        }
        skuTolerances.setItems(UiServices.shipping().skuTolerances());
    }

    private void saveStoreTolerance() {
        tolError.setVisible(false);
        if (tolStore.isEmpty() || tolGrams.getValue() == null || tolPercent.getValue() == null) {
            showTolError(getTranslation("deliverySettings.tolerance.incomplete"));
            return;
        }
        try {
            UiServices.shipping().setStoreTolerance(tolStore.getValue(), tolGrams.getValue(), tolPercent.getValue(),
                    actor());
            BatchUi.info(getTranslation("deliverySettings.tolerance.saved", tolStore.getValue()));
            reloadTolerances();
        } catch (OperationRefusedException e) {
            showTolError(Reasons.of(e));
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    private void saveSkuTolerance(boolean remove) {
        tolError.setVisible(false);
        String sku = tolSku.getValue().strip();
        if (sku.isEmpty() || (!remove && tolSkuGrams.getValue() == null)) {
            showTolError(getTranslation("deliverySettings.tolerance.sku.incomplete"));
            return;
        }
        try {
            UiServices.shipping().setSkuTolerance(sku, remove ? null : tolSkuGrams.getValue(), actor());
            BatchUi.info(getTranslation(remove ? "deliverySettings.tolerance.sku.removed"
                    : "deliverySettings.tolerance.sku.saved", sku));
            reloadTolerances();
        } catch (OperationRefusedException e) {
            showTolError(Reasons.of(e));
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    private void showTolError(String text) {
        tolError.setText(text);
        tolError.setVisible(true);
    }

    private void reload() {
        try {
            Map<String, Boolean> auto = UiServices.sync().autoSync();
            autoSyncBox.removeAll();
            if (auto.isEmpty()) {
                Span none = new Span(getTranslation("deliverySettings.autoSync.none"));
                none.addClassName("wb-muted");
                autoSyncBox.add(none);
            }
            for (Map.Entry<String, Boolean> e : auto.entrySet()) {
                Checkbox box = new Checkbox(getTranslation("deliverySettings.autoSync.label", e.getKey()));
                box.setId("auto-sync-" + e.getKey());
                box.setValue(Boolean.TRUE.equals(e.getValue()));
                box.addValueChangeListener(v -> {
                    if (v.isFromClient()) {
                        setAuto(e.getKey(), v.getValue(), box);
                    }
                });
                autoSyncBox.add(box);
            }
            codes.setItems(UiServices.sync().carrierCodes());
            TreeSet<String> platforms = new TreeSet<>(auto.keySet());
            try {
                UiServices.stores().stores().stream().map(StoreInfo::platform).forEach(platforms::add);
                UiServices.plugins().plugins().stream().filter(p -> p.kind() == PluginInfo.Kind.PLATFORM)
                        .map(PluginInfo::id).forEach(platforms::add);
            } catch (ServiceUnavailableException ignored) {
                // the platforms of the auto-sync list are enough
            }
            platform.setItems(platforms);
            carrier.setItems(UiServices.plugins().plugins().stream()
                    .filter(p -> p.kind() == PluginInfo.Kind.CARRIER).map(PluginInfo::id).toList());
            reloadTolerances();
            notice.clear();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            codes.setItems(List.of());
        }
    }

    private void setAuto(String platformId, boolean automatic, Checkbox box) {
        try {
            UiServices.sync().setAutoSync(platformId, automatic, actor());
            BatchUi.info(getTranslation(automatic ? "deliverySettings.autoSync.on" : "deliverySettings.autoSync.off",
                    platformId));
        } catch (OperationRefusedException e) {
            box.setValue(!automatic);
            BatchUi.error(Reasons.of(e));
        } catch (ServiceUnavailableException e) {
            box.setValue(!automatic);
            notice.show(e);
        } catch (RuntimeException e) {
            LOG.warn("Changing automatic sync of {} failed", platformId, e);
            box.setValue(!automatic);
            BatchUi.error(getTranslation("batch.unexpected"));
        }
    }

    private void edit(CarrierCodeMapping m) {
        if (m == null) {
            return;
        }
        platform.setValue(m.platform());
        if (!carrier.getListDataView().contains(m.carrierId())) {
            // a mapping for a carrier plugin that is not deployed right now: still editable
            carrier.setItems(new TreeSet<>(java.util.stream.Stream.concat(
                    carrier.getListDataView().getItems(), java.util.stream.Stream.of(m.carrierId())).toList()));
        }
        carrier.setValue(m.carrierId());
        code.setValue(m.platformCarrierCode() == null ? "" : m.platformCarrierCode());
    }

    private void save() {
        error.setVisible(false);
        if (platform.isEmpty() || carrier.isEmpty()) {
            error.setText(getTranslation("deliverySettings.codes.incomplete"));
            error.setVisible(true);
            return;
        }
        try {
            UiServices.sync().saveCarrierCode(new CarrierCodeMapping(platform.getValue(), carrier.getValue(),
                    code.getValue().strip()), actor());
            BatchUi.info(getTranslation(code.getValue().isBlank() ? "deliverySettings.codes.removed"
                    : "deliverySettings.codes.saved", platform.getValue(), carrier.getValue()));
            codes.setItems(UiServices.sync().carrierCodes());
        } catch (OperationRefusedException e) {
            error.setText(Reasons.of(e));
            error.setVisible(true);
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    private static String actor() {
        return CurrentUser.get().map(UserIdentity::name).orElse("ui");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("deliverySettings.title") + " \u00b7 Waybill";
    }
}
