package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
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
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.StockService;
import io.waybill.core.model.StockRow;
import io.waybill.core.model.UserIdentity;
import io.waybill.core.model.WarehouseInfo;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;

import java.util.List;

/**
 * {@code /stock}: stock per warehouse and SKU (on hand, reserved, available), filtered by warehouse and SKU prefix;
 * a dialog sets the on-hand quantity (a count) or adjusts it (+/- with a reason). Refusals show in the dialog.
 */
@Route(value = "stock", layout = MainLayout.class)
public class StockView extends VerticalLayout implements HasDynamicTitle {

    private final Grid<StockRow> grid = new Grid<>();
    private final ComboBox<WarehouseInfo> warehouse = new ComboBox<>();
    private final TextField skuPrefix = new TextField();
    private final Span count = new Span();
    private final ServiceNotice notice = new ServiceNotice();

    public StockView() {
        addClassName("wb-page");
        setSizeFull();
        count.setId("stock-count");
        count.addClassName("wb-badge");
        Div titleRow = new Div(new H2(getTranslation("stock.title")), count);
        titleRow.addClassName("wb-title-row");

        warehouse.setId("stock-filter-warehouse");
        warehouse.setLabel(getTranslation("stock.warehouse"));
        warehouse.setItemLabelGenerator(w -> w.code() + " · " + w.name());
        warehouse.setClearButtonVisible(true);
        warehouse.setPlaceholder(getTranslation("stock.allWarehouses"));
        skuPrefix.setId("stock-filter-sku");
        skuPrefix.setLabel(getTranslation("stock.skuPrefix"));
        skuPrefix.setPrefixComponent(VaadinIcon.SEARCH.create());
        skuPrefix.setClearButtonVisible(true);
        skuPrefix.setValueChangeMode(ValueChangeMode.LAZY);
        warehouse.addValueChangeListener(e -> reload());
        skuPrefix.addValueChangeListener(e -> reload());
        Button add = new Button(getTranslation("stock.new"), VaadinIcon.PLUS.create(), e -> openDialog(null));
        add.setId("stock-new");
        Div filters = new Div(warehouse, skuPrefix, add);
        filters.addClassName("wb-filters");

        grid.setId("stock-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(StockRow::warehouseCode).setKey("warehouse").setHeader(getTranslation("stock.warehouse"))
                .setAutoWidth(true).setSortable(true);
        grid.addColumn(StockRow::skuCode).setKey("sku").setHeader(getTranslation("col.sku")).setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(StockRow::skuName).setKey("name").setHeader(getTranslation("col.skuName")).setFlexGrow(1)
                .setTooltipGenerator(StockRow::skuName);
        grid.addColumn(r -> r.location() == null ? "" : r.location()).setKey("location")
                .setHeader(getTranslation("stock.location")).setAutoWidth(true).setSortable(true);
        grid.addColumn(StockRow::onHand).setKey("onHand").setHeader(getTranslation("stock.onHand"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setSortable(true);
        grid.addColumn(StockRow::reserved).setKey("reserved").setHeader(getTranslation("stock.reserved"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setSortable(true);
        grid.addColumn(StockRow::available).setKey("available").setHeader(getTranslation("stock.available"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setSortable(true)
                .setClassNameGenerator(r -> r.available() <= 0 ? "wb-zero" : null);
        grid.addComponentColumn(r -> {
            Button edit = new Button(getTranslation("stock.edit"), e -> openDialog(r));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.addClassName("stock-edit");
            return edit;
        }).setKey("edit").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("stock.empty"));
        grid.addItemDoubleClickListener(e -> openDialog(e.getItem()));
        grid.setSizeFull();

        add(titleRow, notice, filters, grid);
        setFlexGrow(1, grid);
        try {
            warehouse.setItems(UiServices.stock().warehouses());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
        reload();
    }

    private void reload() {
        try {
            String prefix = skuPrefix.getValue() == null || skuPrefix.getValue().isBlank()
                    ? null : skuPrefix.getValue().strip();
            List<StockRow> rows = UiServices.stock().list(
                    warehouse.getValue() == null ? null : warehouse.getValue().code(), prefix);
            grid.setItems(rows);
            grid.getElement().setAttribute("data-filter", skuPrefix.getValue());
            count.setText(getTranslation("stock.count", rows.size()));
            notice.clear();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            count.setText("–");
        }
    }

    /** {@code stock-dialog}: set on hand ({@code stock-set}) or adjust by a delta with a reason ({@code stock-adjust}). */
    private void openDialog(StockRow row) {
        StockService stock;
        try {
            stock = UiServices.stock();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return;
        }
        String actor = CurrentUser.get().map(UserIdentity::name).orElse("unknown");
        Dialog dialog = new Dialog();
        dialog.setId("stock-dialog");
        dialog.setHeaderTitle(row == null ? getTranslation("stock.new")
                : getTranslation("stock.dialogTitle", row.skuCode(), row.warehouseCode()));
        dialog.setWidth("30rem");

        ComboBox<WarehouseInfo> wh = new ComboBox<>(getTranslation("stock.warehouse"));
        wh.setId("stock-dialog-warehouse");
        wh.setItemLabelGenerator(w -> w.code() + " · " + w.name());
        TextField sku = new TextField(getTranslation("col.sku"));
        sku.setId("stock-dialog-sku");
        if (row == null) {
            try {
                wh.setItems(stock.warehouses());
            } catch (RuntimeException e) {
                // left empty; the error comes with saving
            }
            dialog.add(new Div(wh, sku));
        } else {
            Span current = new Span(getTranslation("stock.current", row.onHand(), row.reserved(), row.available()));
            current.setId("stock-dialog-current");
            current.addClassName("wb-muted");
            dialog.add(new Div(new Span(row.skuName())), current);
        }

        Span error = new Span();
        error.setId("stock-error");
        error.addClassName("wb-error");
        error.setVisible(false);

        IntegerField onHand = new IntegerField(getTranslation("stock.onHand"));
        onHand.setId("stock-onhand");
        onHand.setMin(0);
        onHand.setStepButtonsVisible(true);
        if (row != null) {
            onHand.setValue(row.onHand());
        }
        Button set = new Button(getTranslation("stock.set"));
        set.setId("stock-set");
        set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div setRow = new Div(onHand, set);
        setRow.addClassName("wb-form-row");

        IntegerField delta = new IntegerField(getTranslation("stock.delta"));
        delta.setId("stock-delta");
        delta.setStepButtonsVisible(true);
        delta.setHelperText(getTranslation("stock.deltaHelp"));
        TextField reason = new TextField(getTranslation("stock.reason"));
        reason.setId("stock-reason");
        reason.setMaxLength(200);
        Button adjust = new Button(getTranslation("stock.adjust"));
        adjust.setId("stock-adjust");
        Div adjustRow = new Div(delta, reason, adjust);
        adjustRow.addClassName("wb-form-row");

        TextField location = new TextField(getTranslation("stock.location"));
        location.setId("stock-location");
        location.setMaxLength(40);
        location.setValue(row == null || row.location() == null ? "" : row.location());
        Button setLocation = new Button(getTranslation("stock.setLocation"));
        setLocation.setId("stock-set-location");
        Div locationRow = new Div(location, setLocation);
        locationRow.addClassName("wb-form-row");
        setLocation.addClickListener(e -> {
            String w = row != null ? row.warehouseCode() : wh.getValue() == null ? null : wh.getValue().code();
            String s = row != null ? row.skuCode() : sku.getValue().strip();
            if (w == null || s.isEmpty()) {
                showError(error, getTranslation("stock.error.incomplete"));
                return;
            }
            save(dialog, error, () -> UiServices.warehouses().setLocation(w, s, location.getValue(), actor));
        });

        H4 setHeading = new H4(getTranslation("stock.setHeading"));
        H4 adjustHeading = new H4(getTranslation("stock.adjustHeading"));
        setHeading.addClassName("wb-dialog-heading");
        adjustHeading.addClassName("wb-dialog-heading");
        dialog.add(setHeading, setRow, adjustHeading, adjustRow, locationRow, error);

        set.addClickListener(e -> {
            String w = row != null ? row.warehouseCode() : wh.getValue() == null ? null : wh.getValue().code();
            String s = row != null ? row.skuCode() : sku.getValue().strip();
            if (w == null || s.isEmpty() || onHand.getValue() == null) {
                showError(error, getTranslation("stock.error.incomplete"));
                return;
            }
            save(dialog, error, () -> stock.set(w, s, onHand.getValue(), actor));
        });
        adjust.addClickListener(e -> {
            String w = row != null ? row.warehouseCode() : wh.getValue() == null ? null : wh.getValue().code();
            String s = row != null ? row.skuCode() : sku.getValue().strip();
            if (w == null || s.isEmpty() || delta.getValue() == null || delta.getValue() == 0) {
                showError(error, getTranslation("stock.error.incomplete"));
                return;
            }
            if (reason.getValue().isBlank()) {
                showError(error, getTranslation("stock.error.reason"));
                return;
            }
            save(dialog, error, () -> stock.adjust(w, s, delta.getValue(), reason.getValue().strip(), actor));
        });
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        close.setId("stock-dialog-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void save(Dialog dialog, Span error, java.util.function.Supplier<StockRow> call) {
        try {
            StockRow saved = call.get();
            dialog.close();
            reload();
            BatchUi.info(getTranslation("stock.saved", saved.skuCode(), saved.warehouseCode(), saved.onHand(),
                    saved.available()));
        } catch (OperationRefusedException e) {
            showError(error, Reasons.of(e));
        } catch (ServiceUnavailableException e) {
            showError(error, getTranslation("unavailable.service", e.serviceName()));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(StockView.class).warn("Stock change failed", e);
            showError(error, getTranslation("batch.unexpected"));
        }
    }

    private static void showError(Span error, String message) {
        error.setText(message);
        error.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("stock.title") + " · Waybill";
    }
}
