package io.waybill.ui.internal.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import io.waybill.core.api.SyncService;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.ListCount;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.StoreInfo;
import io.waybill.core.model.SyncState;
import io.waybill.core.model.UploadState;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /delivery/sync}: "Sync delivery status" (workflow step 5, docs/workflow.md; manual synchronisation). Shipped packages and those
 * whose store sync failed (synced ones on request), with carrier, tracking number and the state of the latest
 * sync job; "Start synchronisation" queues the selected ones. While jobs are pending the list refreshes itself
 * every few seconds by push.
 */
@Route(value = "delivery/sync", layout = MainLayout.class)
public class SyncStatusView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(SyncStatusView.class);
    static final int REFRESH_SECONDS = 3;
    private static final int PAGE_MAX = 1000;

    private final ServiceNotice notice = new ServiceNotice();
    private final Grid<PackageRow> grid = new Grid<>();
    private final Span count = new Span();
    private final Span selected = new Span();
    private final Span pending = new Span();
    private final Span lastResult = new Span();
    private final Button start = new Button();
    private final MultiSelectComboBox<StoreInfo> storeFilter = new MultiSelectComboBox<>();
    private final TextField search = new TextField();
    private final Checkbox showSynced = new Checkbox();
    private final Map<Long, SyncState> states = new ConcurrentHashMap<>();
    private final Map<Long, String> carriers = new ConcurrentHashMap<>();
    private final ZoneId zone = ZoneId.systemDefault();
    private volatile boolean anyPending;
    private final GridColumns<PackageRow> columns = new GridColumns<>(grid, "sync",
            CurrentUser.get().map(UserIdentity::name).orElse(null), this::getTranslation);
    private ScheduledFuture<?> poller;

    public SyncStatusView() {
        addClassName("wb-page");
        setSizeFull();

        count.setId("sync-count");
        count.addClassName("wb-badge");
        selected.setId("sync-selected");
        selected.addClassName("wb-muted");
        pending.setId("sync-pending");
        pending.addClassName("wb-muted");
        Div titleRow = new Div(new H2(getTranslation("sync.title")), count, selected, pending, columns.chooser());
        titleRow.addClassName("wb-title-row");
        Span help = new Span(getTranslation("sync.help"));
        help.addClassName("wb-muted");

        storeFilter.setId("sync-filter-store");
        storeFilter.setLabel(getTranslation("filter.store"));
        storeFilter.setItemLabelGenerator(s -> Formats.store(s.name(), s.platform()));
        try {
            storeFilter.setItems(UiServices.stores().stores());
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
        storeFilter.addValueChangeListener(e -> {
            columns.remeasure();
            refresh();
        });
        search.setId("sync-filter-text");
        search.setLabel(getTranslation("filter.search"));
        search.setPlaceholder(getTranslation("filter.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> {
            grid.getElement().setAttribute("data-filter", e.getValue());
            columns.remeasure();
            refresh();
        });
        showSynced.setId("sync-show-synced");
        showSynced.setLabel(getTranslation("sync.showSynced"));
        showSynced.addValueChangeListener(e -> {
            columns.remeasure();
            refresh();
        });

        start.setText(getTranslation("sync.start"));
        start.setIcon(VaadinIcon.REFRESH.create());
        start.setId("start-sync");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startSync());
        lastResult.setId("sync-result");
        lastResult.setVisible(false);
        Div filters = new Div(storeFilter, search, showSynced, start, lastResult);
        filters.addClassName("wb-filters");

        grid.setId("sync-grid");
        // long store answers wrap inside their cell instead of running off the right edge
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // "select all" works on the whole filtered list (fetched in pages of at most 1,000)
        ((com.vaadin.flow.component.grid.GridMultiSelectionModel<PackageRow>) grid.getSelectionModel())
                .setSelectAllCheckboxVisibility(
                        com.vaadin.flow.component.grid.GridMultiSelectionModel.SelectAllCheckboxVisibility.VISIBLE);
        // numbers, codes and states as wide as their content, the store sharing the rest; all resizable; the user
        // picks the optional ones in the "Columns" menu (kept per user in the core)
        GridColumns.fit(grid.addColumn(LitRenderer.<PackageRow>of(
                        "<a class=\"wb-link\" href=\"package/${item.id}\" router-link>${item.no}</a>")
                        .withProperty("id", PackageRow::id).withProperty("no", PackageRow::packageNo))
                .setKey("packageNo").setHeader(getTranslation("col.packageNo"))
                .setSortProperty(PackageSort.Field.PACKAGE_NO.name()));
        columns.hideable(GridColumns.fit(grid.addColumn(PackageRow::orderNo).setKey("orderNo")
                .setHeader(getTranslation("col.orderNo")).setSortProperty(PackageSort.Field.ORDER_NO.name())),
                "col.orderNo");
        columns.hideable(GridColumns.fill(grid.addColumn(r -> Formats.store(r.storeName(), r.platform()))
                .setKey("store").setHeader(getTranslation("col.store"))
                .setSortProperty(PackageSort.Field.STORE.name()), 1), "col.store");
        columns.hideable(GridColumns.fit(grid.addColumn(r -> carriers.getOrDefault(r.id(), "")).setKey("carrier")
                .setHeader(getTranslation("sync.col.carrier"))), "sync.col.carrier");
        columns.hideable(GridColumns.fit(grid.addColumn(r -> r.trackingNo() == null ? "" : r.trackingNo())
                .setKey("tracking").setHeader(getTranslation("col.tracking"))), "col.tracking");
        columns.hideable(GridColumns.fit(grid.addColumn(r -> getTranslation("sync.status." + r.status().name()))
                .setKey("status").setHeader(getTranslation("sync.col.status"))
                .setSortProperty(PackageSort.Field.STATUS.name())), "sync.col.status");
        // the reason wraps, long unbreakable tokens (gid://shopify/Order/...) included: never clipped, whatever the font
        grid.addColumn(LitRenderer.<PackageRow>of("<span class=\"wb-wrap\">${item.state}</span>")
                        .withProperty("state", r -> SyncStates.describe(states.get(r.id()), r.status(), zone,
                                this::getTranslation)))
                .setKey("syncState").setHeader(getTranslation("sync.col.state")).setWidth("14rem").setFlexGrow(3)
                .setResizable(true)
                .setClassNameGenerator(r -> SyncStates.kind(states.get(r.id()), r.status()).cssClass())
                .setTooltipGenerator(r -> SyncStates.describe(states.get(r.id()), r.status(), zone,
                        this::getTranslation));
        grid.setEmptyStateText(getTranslation("sync.empty"));
        grid.setItems(q -> fetch(q.getOffset(), q.getLimit(), PackageSorts.from(q.getSortOrders())),
                q -> (int) Math.min(Integer.MAX_VALUE, countRows().value()));
        grid.getLazyDataView().setIdentifierProvider(PackageRow::id);
        grid.addSelectionListener(e -> updateSelected());
        grid.setSizeFull();
        columns.load();

        add(titleRow, help, notice, filters, grid);
        setFlexGrow(1, grid);
        updateSelected();
        updateCount();
    }

    private PackageQuery query() {
        Set<PackageStatus> statuses = EnumSet.of(PackageStatus.SHIPPED, PackageStatus.SYNC_FAILED);
        if (showSynced.getValue()) {
            statuses.add(PackageStatus.SYNCED);
        }
        return new PackageQuery(statuses, storeFilter.getValue().stream().map(StoreInfo::code)
                .collect(Collectors.toSet()), Set.of(), search.getValue(),
                CurrentUser.get().map(UserIdentity::name).orElse(null));
    }

    private Stream<PackageRow> fetch(int offset, int limit, List<PackageSort> sort) {
        try {
            PackageQuery query = query();
            List<PackageRow> rows = new ArrayList<>();
            while (rows.size() < limit) {
                int pageSize = Math.min(limit - rows.size(), PAGE_MAX);
                List<PackageRow> page = UiServices.packages().find(query, offset + rows.size(), pageSize, sort);
                rows.addAll(page);
                if (page.size() < pageSize) {
                    break;
                }
            }
            loadStates(rows);
            columns.loaded(offset, rows.size());
            return rows.stream();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return Stream.empty();
        }
    }

    /** Sync jobs and carriers of the rows just loaded. */
    private void loadStates(List<PackageRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> ids = rows.stream().map(PackageRow::id).toList();
        ids.forEach(states::remove);
        states.putAll(UiServices.sync().syncStates(ids));
        try {
            Map<Long, UploadState> uploads = UiServices.carriers().uploadStates(ids);
            uploads.forEach((id, u) -> {
                if (u.carrierId() != null) {
                    carriers.put(id, u.carrierId());
                }
            });
        } catch (ServiceUnavailableException e) {
            // the list is still useful without the carrier column
        }
        boolean nowPending = SyncStates.anyPending(states.values());
        anyPending = nowPending;
        pending.setText(nowPending ? getTranslation("sync.live") : "");
    }

    /** With synced packages, unfiltered, the list's count is "about 720 K" of up to a minute ago (issue 15). */
    private ListCount countRows() {
        try {
            ListCount n = UiServices.packages().countForList(query());
            notice.clear();
            return n;
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return ListCount.exact(0);
        }
    }

    private void updateCount() {
        ListCount n = countRows();
        count.setText(n.estimate() ? getTranslation("waiting.countAbout", Formats.about(n.value(), getLocale()))
                : getTranslation("waiting.count", n.value()));
    }

    private void updateSelected() {
        int n = grid.getSelectedItems().size();
        selected.setText(n == 0 ? "" : getTranslation("waiting.selected", n));
        start.setEnabled(n > 0);
        start.setTooltipText(n > 0 ? null : getTranslation("action.selectFirst"));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateCount();
        updateSelected();
    }

    private void startSync() {
        Set<PackageRow> rows = grid.getSelectedItems();
        if (rows.isEmpty()) {
            BatchUi.error(getTranslation("action.selectFirst"));
            return;
        }
        SyncService sync;
        try {
            sync = UiServices.sync();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return;
        }
        String actor = CurrentUser.get().map(UserIdentity::name).orElse("ui");
        String title = getTranslation("sync.start");
        BatchUi.run(title, new ArrayList<>(rows), ids -> sync.startSync(ids, actor), this::afterBatch);
    }

    private void afterBatch(BatchResult result) {
        Set<Long> done = new HashSet<>(result.succeeded());
        new ArrayList<>(grid.getSelectedItems()).stream().filter(r -> done.contains(r.id())).forEach(grid::deselect);
        lastResult.setText(getTranslation("sync.result", result.succeeded().size(), result.failures().size()));
        lastResult.setClassName("wb-ok", result.failures().isEmpty());
        lastResult.setClassName("wb-warn", !result.failures().isEmpty());
        lastResult.setVisible(true);
        anyPending = anyPending || !result.succeeded().isEmpty();
        refresh();
    }

    /** Every few seconds while jobs are pending: reload the rows (and the count, rows leave when synced). */
    private void poll() {
        if (!anyPending) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debug("Live refresh of the sync list failed", e);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        try {
            poller = UiServices.scheduler().scheduleWithFixedDelay(() -> BatchUi.push(ui, this::poll),
                    REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
        } catch (ServiceUnavailableException | RejectedExecutionException e) {
            poller = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poller != null) {
            poller.cancel(false);
            poller = null;
        }
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sync.title") + " \u00b7 Waybill";
    }
}
