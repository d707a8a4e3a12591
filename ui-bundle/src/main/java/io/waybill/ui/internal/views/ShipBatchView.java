package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.ShippingService;
import io.waybill.core.model.SupervisorApproval;
import io.waybill.core.model.WeighingFailure;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code /delivery/ship-batch}: batch delivery (workflow step 4, docs/workflow.md; "批量发货"). Lists the printed packages; the selected
 * ones are shipped without weighing through {@code ShippingService.shipBatch}, with progress and a result summary.
 */
@Route(value = "delivery/ship-batch", layout = MainLayout.class)
public class ShipBatchView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(ShipBatchView.class);
    private static final int PAGE_MAX = 1000;

    private final ServiceNotice notice = new ServiceNotice();
    private final Grid<PackageRow> grid = new Grid<>();
    private final Span count = new Span();
    private final Span selected = new Span();
    private final Span lastResult = new Span();
    private final Button confirm = new Button();
    private PackageQuery query = PackageQuery.status(PackageStatus.PRINTED)
            .forViewer(CurrentUser.get().map(UserIdentity::name).orElse(null));

    public ShipBatchView() {
        addClassName("wb-page");
        setSizeFull();
        Locale locale = getLocale();

        count.setId("ship-batch-count");
        count.addClassName("wb-badge");
        selected.setId("ship-batch-selected");
        selected.addClassName("wb-muted");
        Anchor scanLink = new Anchor("delivery/scan", getTranslation("nav.scan"));
        scanLink.setId("ship-batch-scan-link");
        scanLink.addClassName("wb-link");
        Div titleRow = new Div(new H2(getTranslation("shipBatch.title")), count, selected, scanLink);
        titleRow.addClassName("wb-title-row");
        Span help = new Span(getTranslation("shipBatch.help"));
        help.addClassName("wb-muted");

        TextField search = new TextField();
        search.setId("ship-batch-filter");
        search.setLabel(getTranslation("filter.search"));
        search.setPlaceholder(getTranslation("filter.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> {
            query = query.withText(e.getValue());
            grid.getElement().setAttribute("data-filter", e.getValue());
            refresh();
        });

        confirm.setText(getTranslation("shipBatch.execute"));
        confirm.setIcon(VaadinIcon.TRUCK.create());
        confirm.setId("ship-batch-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> start());
        lastResult.setId("ship-batch-result");
        lastResult.setVisible(false);
        Div actions = new Div(search, confirm, lastResult);
        actions.addClassName("wb-filters");

        grid.setId("ship-batch-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // "select all" works on the whole filtered list (fetched in pages of at most 1,000)
        ((com.vaadin.flow.component.grid.GridMultiSelectionModel<PackageRow>) grid.getSelectionModel())
                .setSelectAllCheckboxVisibility(
                        com.vaadin.flow.component.grid.GridMultiSelectionModel.SelectAllCheckboxVisibility.VISIBLE);
        grid.addColumn(LitRenderer.<PackageRow>of(
                        "<a class=\"wb-link\" href=\"package/${item.id}\" router-link>${item.no}</a>")
                        .withProperty("id", PackageRow::id).withProperty("no", PackageRow::packageNo))
                .setKey("packageNo").setHeader(getTranslation("col.packageNo"))
                .setSortProperty(PackageSort.Field.PACKAGE_NO.name()).setAutoWidth(true).setFlexGrow(0).setResizable(true);
        grid.addColumn(PackageRow::orderNo).setKey("orderNo").setHeader(getTranslation("col.orderNo"))
                .setSortProperty(PackageSort.Field.ORDER_NO.name()).setAutoWidth(true).setFlexGrow(0).setResizable(true);
        grid.addColumn(r -> Formats.store(r.storeName(), r.platform())).setKey("store")
                .setHeader(getTranslation("col.store")).setSortProperty(PackageSort.Field.STORE.name())
                .setAutoWidth(true).setFlexGrow(1).setResizable(true);
        grid.addColumn(PackageRow::buyerName).setKey("buyer").setHeader(getTranslation("col.buyer"))
                .setSortProperty(PackageSort.Field.BUYER.name()).setAutoWidth(true).setFlexGrow(1).setResizable(true);
        grid.addColumn(r -> Formats.country(r.countryCode(), locale)).setKey("country")
                .setHeader(getTranslation("col.country")).setSortProperty(PackageSort.Field.COUNTRY.name())
                .setAutoWidth(true).setFlexGrow(0).setResizable(true);
        grid.addColumn(r -> r.trackingNo() == null ? "" : r.trackingNo()).setKey("tracking")
                .setHeader(getTranslation("col.tracking")).setAutoWidth(true).setFlexGrow(0).setResizable(true);
        grid.addColumn(r -> Formats.weight(r.expectedWeightGrams(), locale)).setKey("weight")
                .setHeader(getTranslation("col.weight")).setSortProperty(PackageSort.Field.WEIGHT.name())
                .setAutoWidth(true).setFlexGrow(0).setResizable(true).setTextAlign(ColumnTextAlign.END);
        grid.setEmptyStateText(getTranslation("shipBatch.empty"));
        grid.setItems(q -> fetch(q.getOffset(), q.getLimit(), PackageSorts.from(q.getSortOrders())),
                q -> (int) Math.min(Integer.MAX_VALUE, countRows()));
        grid.getLazyDataView().setIdentifierProvider(PackageRow::id);
        grid.addSelectionListener(e -> updateSelected());
        grid.setSizeFull();

        add(titleRow, help, notice, actions, grid);
        setFlexGrow(1, grid);
        updateSelected();
        updateCount();
    }

    private Stream<PackageRow> fetch(int offset, int limit, List<PackageSort> sort) {
        try {
            List<PackageRow> rows = new ArrayList<>();
            while (rows.size() < limit) {
                int pageSize = Math.min(limit - rows.size(), PAGE_MAX);
                List<PackageRow> page = UiServices.packages().find(query, offset + rows.size(), pageSize, sort);
                rows.addAll(page);
                if (page.size() < pageSize) {
                    break;
                }
            }
            return rows.stream();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return Stream.empty();
        }
    }

    private long countRows() {
        try {
            long n = UiServices.packages().count(query);
            notice.clear();
            return n;
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return 0;
        }
    }

    private void updateCount() {
        count.setText(getTranslation("waiting.count", countRows()));
    }

    private void updateSelected() {
        int n = grid.getSelectedItems().size();
        selected.setText(n == 0 ? "" : getTranslation("waiting.selected", n));
        confirm.setEnabled(n > 0);
        confirm.setTooltipText(n > 0 ? null : getTranslation("action.selectFirst"));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateCount();
        updateSelected();
    }

    private void start() {
        Set<PackageRow> rows = grid.getSelectedItems();
        if (rows.isEmpty()) {
            BatchUi.error(getTranslation("action.selectFirst"));
            return;
        }
        ShippingService shipping;
        try {
            shipping = UiServices.shipping();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return;
        }
        String actor = CurrentUser.get().map(UserIdentity::name).orElse("ui");
        String title = getTranslation("shipBatch.execute");
        List<PackageRow> chosen = new ArrayList<>(rows);
        List<WeighingFailure> failed;
        try {
            failed = shipping.failedWeighings(chosen.stream().map(PackageRow::id).toList());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return;
        }
        if (failed.isEmpty()) {
            BatchUi.confirm(title, getTranslation("shipBatch.confirm", chosen.size()), title,
                    () -> BatchUi.run(title, chosen, ids -> shipping.shipBatch(ids, actor), this::afterBatch));
        } else {
            confirmWithFailedWeighings(title, chosen, failed, shipping, actor);
        }
    }

    /**
     * The confirm step when some selected packages failed their last weighing: they are listed with expected and
     * measured weights; they ship only with a supervisor's approval (checked by the core, the same rule as the scan
     * station's override), or the others ship alone.
     */
    private void confirmWithFailedWeighings(String title, List<PackageRow> chosen, List<WeighingFailure> failed,
                                            ShippingService shipping, String actor) {
        Locale locale = getLocale();
        Dialog dialog = new Dialog();
        dialog.setId("confirm-dialog");
        dialog.setHeaderTitle(title);
        dialog.setWidth("56rem");
        Paragraph question = new Paragraph(getTranslation("shipBatch.confirm", chosen.size()));
        question.setId("confirm-text");
        Span warning = new Span(getTranslation("shipBatch.failed.title", failed.size()));
        warning.setId("ship-batch-failed-title");
        warning.addClassName("wb-warn");
        Paragraph explain = new Paragraph(getTranslation("shipBatch.failed.text"));
        explain.addClassName("wb-muted");
        Grid<WeighingFailure> list = new Grid<>();
        list.setId("ship-batch-failed");
        list.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        list.addColumn(WeighingFailure::packageNo).setKey("packageNo").setHeader(getTranslation("col.packageNo"))
                .setAutoWidth(true).setFlexGrow(0);
        list.addColumn(f -> ScanVerdicts.weight(f.expectedGrams(), locale)).setKey("expected")
                .setHeader(getTranslation("scan.expected")).setAutoWidth(true).setFlexGrow(1);
        list.addColumn(f -> ScanVerdicts.tolerance(f.toleranceGrams(), locale)).setKey("tolerance")
                .setHeader(getTranslation("scan.tolerance")).setAutoWidth(true).setFlexGrow(1);
        list.addColumn(f -> ScanVerdicts.weight(f.measuredGrams(), locale)).setKey("measured")
                .setHeader(getTranslation("scan.measured")).setAutoWidth(true).setFlexGrow(1);
        list.addColumn(f -> ScanVerdicts.difference(f.measuredGrams(), f.expectedGrams(), locale))
                .setKey("difference").setHeader(getTranslation("scan.difference")).setAutoWidth(true).setFlexGrow(1);
        list.addColumn(f -> f.weighedAt() == null ? "" : Formats.dateTime(f.weighedAt(), ZoneId.systemDefault()))
                .setKey("at").setHeader(getTranslation("shipBatch.failed.at")).setAutoWidth(true).setFlexGrow(0);
        list.setItems(failed);
        list.setAllRowsVisible(failed.size() <= 6);
        list.setHeight(failed.size() <= 6 ? null : "14rem");

        TextField user = new TextField(getTranslation("scan.override.user"));
        user.setId("ship-batch-supervisor");
        user.getElement().setAttribute("autocomplete", "off");
        PasswordField password = new PasswordField(getTranslation("scan.override.password"));
        password.setId("ship-batch-supervisor-password");
        password.getElement().setAttribute("autocomplete", "new-password");
        TextArea reason = new TextArea(getTranslation("scan.override.reason"));
        reason.setId("ship-batch-supervisor-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        Span error = new Span();
        error.setId("ship-batch-supervisor-error");
        error.addClassName("wb-error");
        error.setVisible(false);
        Div approval = new Div(user, password, reason);
        approval.addClassName("wb-override-form");
        dialog.add(question, warning, explain, list, approval, error);

        java.util.Set<Long> failedIds = new HashSet<>();
        failed.forEach(f -> failedIds.add(f.packageId()));
        List<PackageRow> others = chosen.stream().filter(r -> !failedIds.contains(r.id())).toList();

        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("confirm-cancel");
        Button shipOthers = new Button(getTranslation("shipBatch.failed.shipOthers", others.size()), e -> {
            dialog.close();
            BatchUi.run(title, others, ids -> shipping.shipBatch(ids, actor), this::afterBatch);
        });
        shipOthers.setId("ship-batch-others");
        shipOthers.setVisible(!others.isEmpty());
        Button shipAll = new Button(getTranslation("shipBatch.failed.shipAll"));
        shipAll.setId("confirm-button");
        shipAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        shipAll.addClickListener(e -> {
            error.setVisible(false);
            if (user.isEmpty() || password.isEmpty() || reason.getValue().isBlank()) {
                error.setText(getTranslation("scan.override.incomplete"));
                error.setVisible(true);
                return;
            }
            // the packages that failed weighing ship first, in one call: the core checks the approval before
            // anything is shipped, so wrong credentials or a missing role are answered here and ship nothing
            char[] secret = password.getValue().toCharArray();
            String supervisor = user.getValue().strip();
            String why = reason.getValue().strip();
            List<Long> failedFirst = new ArrayList<>(failedIds);
            try {
                BatchResult first = shipping.shipBatch(failedFirst,
                        actor, new SupervisorApproval(supervisor, secret, why));
                dialog.close();
                if (others.isEmpty()) {
                    afterBatch(first);
                    BatchUi.showResult(title, first);
                } else {
                    BatchUi.run(title, others, ids -> shipping.shipBatch(ids, actor), this::afterBatch, first);
                }
            } catch (OperationRefusedException ex) {
                error.setText(Reasons.of(ex));
                error.setVisible(true);
                password.clear();
            } catch (ServiceUnavailableException ex) {
                dialog.close();
                notice.show(ex);
            } catch (RuntimeException ex) {
                LOG.warn("Batch delivery with supervisor approval failed", ex);
                error.setText(getTranslation("batch.unexpected"));
                error.setVisible(true);
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
        });
        dialog.getFooter().add(cancel, shipOthers, shipAll);
        dialog.open();
        user.focus();
    }

    private void afterBatch(BatchResult result) {
        Set<Long> done = new HashSet<>(result.succeeded());
        new ArrayList<>(grid.getSelectedItems()).stream().filter(r -> done.contains(r.id())).forEach(grid::deselect);
        lastResult.setText(getTranslation("shipBatch.result", result.succeeded().size(), result.failures().size()));
        lastResult.setClassName("wb-ok", result.failures().isEmpty());
        lastResult.setClassName("wb-warn", !result.failures().isEmpty());
        lastResult.setVisible(true);
        LOG.debug("Batch delivery: {} shipped, {} refused", result.succeeded().size(), result.failures().size());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shipBatch.title") + " \u00b7 Waybill";
    }
}
