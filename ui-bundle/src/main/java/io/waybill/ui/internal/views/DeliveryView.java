package io.waybill.ui.internal.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.waybill.core.api.CarrierUploadService;
import io.waybill.core.api.FulfilmentService;
import io.waybill.core.api.NotPrintableException;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.PrintRules;
import io.waybill.core.api.PrintService;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.LabelSize;
import io.waybill.core.model.ListCount;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.BulkRun;
import io.waybill.core.model.PackageSelection;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Shortage;
import io.waybill.core.model.UploadState;
import io.waybill.core.model.UserIdentity;
import io.waybill.ui.internal.CurrentUser;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.views.DeliveryTab.BatchAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code /delivery/<status>}: Delivery Management. Status tabs with live counts (refreshed after every action
 * and every 10 s by push), the package list of the chosen tab (lazy, sortable, multi-select; searched and filtered
 * by {@link DeliveryFilterBar}, optionally across every status) and the tab's batch actions: allocate, void,
 * upload, update tracking, print. Tab, search, filters and sort are kept in the URL ({@link DeliveryUrlState}).
 */
@Route(value = "delivery/:status?", layout = MainLayout.class)
public class DeliveryView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver,
        AfterNavigationObserver {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryView.class);
    static final int LIVE_REFRESH_SECONDS = 10;
    private static final int PAGE_MAX = 1000;
    /** The most rows an action that reads each row (map SKU, edits, dry run) takes from a "select all" selection. */
    static final int ROWS_MAX = 1000;
    /**
     * The most packages a print from a "select all" selection takes: the print service's limit of one PDF
     * ({@code PdfPrintService.MAX_PACKAGES}); a larger selection is refused with a reason before anything is read.
     */
    static final int PRINT_ROWS_MAX = 5000;

    private final Grid<PackageRow> grid = new Grid<>();
    /** Search box and filters; with the tab and the grid's sort they are the URL's state (DeliveryUrlState). */
    private final DeliveryFilterBar filterBar;
    private final H2 heading = new H2();
    private final Span count = new Span();
    private final Span selected = new Span();
    /** Ticked rows, or "all matching the filter" minus unticked ones (a query, resolved by the core on action). */
    private final ListSelection selection = new ListSelection();
    private final Checkbox selectAll = new Checkbox();
    private final Button selectAllMatching = new Button();
    private final Button clearSelection = new Button();
    /** The grid's sort of the last page read: a shift-click range is read in the same order. */
    private List<PackageSort> lastSort = List.of();
    /** How many packages match the filter (last count). */
    private long matching;
    private final ServiceNotice notice = new ServiceNotice();
    /** A batch action over a whole "select all" selection, run by the core in chunks: its progress and Stop. */
    private final BulkRunPanel bulkRun = new BulkRunPanel(CurrentUser.get().map(UserIdentity::name)
            .orElse("unknown"), this::afterBulk);
    private final Div loadError = new Div();
    private final Tabs tabs = new Tabs();
    private final Map<DeliveryTab, Tab> tabItems = new EnumMap<>(DeliveryTab.class);
    private final Map<BatchAction, Button> buttons = new EnumMap<>(BatchAction.class);
    private final Map<BatchAction, Component> buttonHolders = new EnumMap<>(BatchAction.class);
    private final Map<Long, List<Shortage>> shortages = new ConcurrentHashMap<>();
    /** Why each package of the To review tab is held (its rule's reason). */
    private final Map<Long, io.waybill.core.model.PackageHold> holds = new ConcurrentHashMap<>();
    private Grid.Column<PackageRow> holdColumn;
    private final Map<Long, UploadState> uploadStates = new ConcurrentHashMap<>();
    private Grid.Column<PackageRow> missingColumn;
    private Grid.Column<PackageRow> trackingColumn;
    private Grid.Column<PackageRow> uploadColumn;
    private Grid.Column<PackageRow> createdColumn;
    private Grid.Column<PackageRow> weightColumn;
    private Grid.Column<PackageRow> statusColumn;
    /** The grid's sort as the operator chose it (empty = the list's default), for the URL. */
    private List<PackageSort> chosenSort = List.of();
    private DeliveryTab tab = DeliveryTab.DEFAULT;
    /** The signed-in user: the core shows only the packages of that user's warehouse/store scope. */
    private final String viewer = CurrentUser.get().map(UserIdentity::name).orElse(null);
    /** The To review tab's merge suggestions (issue 14, 审单): its own component. */
    private final MergeSuggestionsPanel mergeSuggestions = new MergeSuggestionsPanel(viewer, () -> {
        grid.getDataProvider().refreshAll();
        refreshCounts();
    });
    private PackageQuery query = PackageQuery.status(PackageStatus.WAITING).forViewer(viewer);
    /** Sizing and the user's choice of the optional columns (kept per user in the core). */
    private final GridColumns<PackageRow> columns = new GridColumns<>(grid, "delivery", viewer, this::getTranslation);
    private Map<PackageStatus, ListCount> lastCounts = Map.of();
    private ScheduledFuture<?> liveRefresh;

    public DeliveryView() {
        addClassName("wb-page");
        setSizeFull();
        Locale locale = getLocale();

        heading.setId("delivery-title");
        count.setId("package-count");
        count.addClassName("wb-badge");
        selected.setId("selection-count");
        selected.addClassName("wb-muted");
        // saved views (name -> tab + URL state), kept per user in the core
        SavedViewsButton views = new SavedViewsButton(viewer, () -> new SavedViewsButton.Current(tab, urlState()));
        Div titleRow = new Div(heading, count, views, columns.chooser());
        titleRow.addClassName("wb-title-row");

        tabs.setId("delivery-tabs");
        tabs.addThemeVariants(com.vaadin.flow.component.tabs.TabsVariant.LUMO_SMALL);
        tabs.addClassName("wb-status-tabs");
        for (DeliveryTab t : DeliveryTab.values()) {
            Tab item = new Tab(getTranslation("tab." + t.slug()));
            item.setId("tab-" + t.slug());
            tabItems.put(t, item);
            tabs.add(item);
        }
        tabs.addSelectedChangeListener(e -> {
            if (e.isFromClient() && e.getSelectedTab() != null) {
                tabItems.entrySet().stream().filter(en -> en.getValue() == e.getSelectedTab()).findFirst()
                        .ifPresent(en -> UI.getCurrent().navigate("delivery/" + en.getKey().slug(),
                                new QueryParameters(urlState().toParameters())));
            }
        });

        filterBar = new DeliveryFilterBar(locale, notice);
        filterBar.addChangeListener(() -> {
            applyFilters();
            updateUrl();
        });
        // a scanned (or typed) package no. or tracking no. + Enter opens that package
        filterBar.search().getElement().addEventListener("keydown",
                        e -> openScanned(e.getEventData().getString("element.value")))
                .setFilter("event.key === 'Enter'").addEventData("element.value");
        Div filters = filterBar;

        Div actions = new Div();
        actions.setId("batch-actions");
        actions.addClassName("wb-actions");
        actions.addClassName("wb-bulk-bar");
        selectAllMatching.setId("select-all-matching");
        selectAllMatching.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        selectAllMatching.addClickListener(e -> selectAllMatching());
        clearSelection.setId("selection-clear");
        clearSelection.setText(getTranslation("selection.clear"));
        clearSelection.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        clearSelection.addClickListener(e -> clearSelection());
        Div selectionInfo = new Div(selected, selectAllMatching, clearSelection);
        selectionInfo.addClassName("wb-selection-info");
        actions.add(selectionInfo);
        for (BatchAction action : BatchAction.values()) {
            Button button = new Button(actionLabel(action), e -> start(action));
            button.setId(action.buttonId());
            if (action == BatchAction.VOID) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            } else if (action == BatchAction.DRY_RUN_RULES) {
                button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            } else {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            buttons.put(action, button);
            // a disabled button gets no pointer events: the explanation sits on its holder
            Span holder = new Span(button);
            holder.addClassName("wb-action-holder");
            buttonHolders.put(action, holder);
            actions.add(holder);
        }

        loadError.setId("load-error");
        loadError.addClassName("wb-alert");
        loadError.setVisible(false);

        grid.setId("packages-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // selection is kept here, not in the grid: "select all" is a filter, not every row loaded into the browser
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setMultiSort(true);
        selectAll.setId("select-all");
        selectAll.setAriaLabel(getTranslation("selection.all"));
        selectAll.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                if (Boolean.TRUE.equals(e.getValue())) {
                    selectAllMatching();
                } else {
                    clearSelection();
                }
            }
        });
        grid.addColumn(LitRenderer.<PackageRow>of("<vaadin-checkbox class=\"wb-row-check\" aria-label=\"${item.no}\" "
                                + ".checked=${live(item.sel)} @click=${e => e.target.localName === 'input' && toggle(e.shiftKey, index)}>"
                                + "</vaadin-checkbox>")
                        .withProperty("sel", r -> selection.isSelected(r.id()))
                        .withProperty("no", PackageRow::packageNo)
                        .withFunction("toggle", (row, args) -> toggle(row, args.getBoolean(0),
                                (int) args.getNumber(1))))
                .setKey("select").setHeader(selectAll).setWidth("3.25rem").setFlexGrow(0).setFrozen(true);
        addColumns(locale);
        columns.load();
        grid.addSortListener(e -> {
            if (e.isFromClient()) {
                updateUrl();
            }
        });
        grid.setItems(q -> fetch(q.getOffset(), q.getLimit(), PackageSorts.from(q.getSortOrders())),
                q -> (int) Math.min(Integer.MAX_VALUE, countPackages()));
        // rows are identified by package id: a refresh keeps the selection even when a row's data changed
        grid.getLazyDataView().setIdentifierProvider(PackageRow::id);
        grid.setSizeFull();

        add(titleRow, notice, loadError, bulkRun, tabs, filters, mergeSuggestions, actions, grid);
        setFlexGrow(1, grid);
    }

    /**
     * The list's columns (issue 13 item 10): numbers, codes, dates and weights as wide as their content, free text
     * sharing the rest, all resizable; the user picks the optional ones in the "Columns" menu (kept in the core).
     */
    private void addColumns(Locale locale) {
        // the package number opens the detail page; it and the checkbox are always shown
        GridColumns.fit(grid.addColumn(LitRenderer.<PackageRow>of(
                                "<a class=\"wb-link\" href=\"package/${item.id}\" router-link>${item.no}</a>")
                        .withProperty("id", PackageRow::id).withProperty("no", PackageRow::packageNo))
                .setKey("packageNo").setHeader(getTranslation("col.packageNo"))
                .setSortProperty(PackageSort.Field.PACKAGE_NO.name()).setTooltipGenerator(PackageRow::packageNo));
        GridColumns.fit(column(PackageRow::orderNo, "orderNo", "col.orderNo", PackageSort.Field.ORDER_NO));
        // free text wraps in the width the fixed-format columns leave: the list fits at 1440 px (issue 13 item 10)
        ValueProvider<PackageRow, String> store = r -> Formats.store(r.storeName(), r.platform());
        GridColumns.wrap(column(store, "store", "col.store", PackageSort.Field.STORE), store, "4rem", 2);
        GridColumns.wrap(column(PackageRow::buyerName, "buyer", "col.buyer", PackageSort.Field.BUYER),
                PackageRow::buyerName, "4rem", 2);
        ValueProvider<PackageRow, String> country = r -> Formats.country(r.countryCode(), locale);
        GridColumns.wrap(column(country, "country", "col.country", PackageSort.Field.COUNTRY), country, "4rem", 1);
        // what is missing is the point of the Out of stock tab: right after the destination
        ValueProvider<PackageRow, String> missing = r -> Formats.shortages(shortages.get(r.id()));
        missingColumn = GridColumns.wrap(column(missing, "missing", "col.missing", null), missing, "6rem", 3);
        missingColumn.setClassNameGenerator(r -> "wb-missing");
        // why a package is held is the point of the To review tab
        holdColumn = GridColumns.rest(column(r -> RuleTexts.hold(holds.get(r.id()), this::getTranslation), "hold",
                "col.hold", null), "14rem", 2);
        // the fixed-format columns before the long lists, so that at 1440 px they are on screen
        trackingColumn = GridColumns.fit(column(r -> r.trackingNo() == null ? "" : r.trackingNo(), "tracking",
                "col.tracking", null));
        weightColumn = GridColumns.fit(column(r -> Formats.weight(r.expectedWeightGrams(), locale), "weight",
                "col.weight", PackageSort.Field.WEIGHT)).setTextAlign(ColumnTextAlign.END);
        createdColumn = GridColumns.fit(column(r -> Formats.dateTime(r.createdAt(), ZoneId.systemDefault()),
                "created", "col.created", PackageSort.Field.CREATED));
        ValueProvider<PackageRow, String> status = r -> getTranslation("status." + r.status().name());
        statusColumn = GridColumns.wrap(column(status, "status", "col.status", PackageSort.Field.STATUS), status,
                "4rem", 1);
        ValueProvider<PackageRow, String> upload = r -> UploadStates.describe(uploadStates.get(r.id()),
                this::getTranslation);
        uploadColumn = GridColumns.wrap(column(upload, "uploadState", "col.uploadState", null), upload, "4rem", 1);
        GridColumns.wrap(column(PackageRow::skuSummary, "skus", "col.skus", null), PackageRow::skuSummary, "4rem",
                2);
        for (Grid.Column<PackageRow> c : List.of(grid.getColumnByKey("orderNo"), grid.getColumnByKey("store"),
                grid.getColumnByKey("buyer"), grid.getColumnByKey("country"), trackingColumn, weightColumn,
                createdColumn, statusColumn, uploadColumn, grid.getColumnByKey("skus"))) {
            columns.hideable(c, "col." + c.getKey());
        }
    }

    private Grid.Column<PackageRow> column(ValueProvider<PackageRow, String> value, String key, String header,
                                           PackageSort.Field sort) {
        Grid.Column<PackageRow> column = grid.addColumn(value).setKey(key).setHeader(getTranslation(header))
                .setTooltipGenerator(value::apply);
        if (sort != null) {
            column.setSortProperty(sort.name());
        }
        return column;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("status").orElse(null);
        DeliveryTab target = DeliveryTab.fromSlug(slug).orElse(null);
        QueryParameters params = event.getLocation().getQueryParameters();
        if (target == null) {
            event.forwardTo("delivery/" + DeliveryTab.DEFAULT.slug(), params);
            return;
        }
        // the URL's search, filters and sort (unreadable values fall back to their defaults)
        DeliveryUrlState state = DeliveryUrlState.parse(params.getParameters());
        filterBar.apply(state);
        restoreSort(state.sort());
        show(target);
    }

    /** After the router has set the address: the URL shows the state as read (unreadable values dropped). */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        updateUrl();
    }

    /** Sorts the grid as the URL says, by the columns sortable by those fields. */
    private void restoreSort(List<PackageSort> sort) {
        List<GridSortOrder<PackageRow>> orders = new ArrayList<>();
        for (PackageSort s : sort) {
            SortDirection direction = s.ascending() ? SortDirection.ASCENDING : SortDirection.DESCENDING;
            grid.getColumns().stream()
                    .filter(c -> c.getSortOrder(direction).anyMatch(o -> o.getSorted().equals(s.field().name())))
                    .findFirst().ifPresent(c -> orders.add(new GridSortOrder<>(c, direction)));
        }
        chosenSort = orders.isEmpty() ? List.of() : List.copyOf(sort);
        if (!orders.equals(grid.getSortOrder())) {
            grid.sort(orders);
        }
    }

    /** Tab, search, filters and sort as the URL's state. */
    private DeliveryUrlState urlState() {
        return filterBar.state().withSort(chosenSort);
    }

    /** Replaces the URL (no new history entry) with the list's state, so a refresh or a shared link keeps it. */
    private void updateUrl() {
        chosenSort = grid.getSortOrder().isEmpty() ? List.of()
                : PackageSorts.from(grid.getSortOrder().stream().flatMap(o -> o.getSorted()
                        .getSortOrder(o.getDirection())).toList());
        QueryParameters params = new QueryParameters(urlState().toParameters());
        getUI().or(() -> java.util.Optional.ofNullable(UI.getCurrent())).ifPresent(ui -> ui.getPage().getHistory()
                .replaceState(null, new Location("delivery/" + tab.slug(), params)));
    }

    /**
     * Enter in the search box: when the text is exactly the package no. or tracking no. of one package the user may
     * see (any status), that package's page opens; otherwise the list keeps showing the search.
     */
    private void openScanned(String code) {
        if (code == null || code.isBlank()) {
            return;
        }
        String wanted = code.strip();
        try {
            List<PackageRow> hits = UiServices.packages().find(PackageQuery.all().withText(wanted).forViewer(viewer),
                            0, 2, List.of()).stream()
                    .filter(r -> wanted.equalsIgnoreCase(r.packageNo()) || wanted.equalsIgnoreCase(r.trackingNo()))
                    .toList();
            if (hits.size() == 1) {
                UI.getCurrent().navigate("package/" + hits.get(0).id());
            }
        } catch (ServiceUnavailableException e) {
            notice.show(e);
        }
    }

    private void show(DeliveryTab target) {
        boolean changed = target != tab || query == null;
        tab = target;
        tabs.setSelectedTab(tabItems.get(tab));
        heading.setText(getTranslation("tab." + tab.slug()));
        missingColumn.setVisible(tab.showsShortages());
        holdColumn.setVisible(tab.showsHolds());
        mergeSuggestions.setVisible(false);
        if (tab.showsHolds()) {
            mergeSuggestions.refresh();
        }
        columns.setApplicable(trackingColumn.getKey(), tab.showsCarrierColumns());
        columns.setApplicable(uploadColumn.getKey(), tab.showsCarrierColumns());
        // search results across every status say which status each package is in
        columns.setApplicable(statusColumn.getKey(), filterBar.allStatuses());
        columns.apply();
        grid.setEmptyStateText(getTranslation("delivery.empty." + tab.slug()));
        for (BatchAction action : BatchAction.values()) {
            buttonHolders.get(action).setVisible(tab.actions().contains(action));
        }
        buttons.get(BatchAction.ALLOCATE).setText(actionLabel(BatchAction.ALLOCATE));
        if (changed) {
            selection.clear();
        }
        applyFilters();
        refreshCounts();
    }

    private String actionLabel(BatchAction action) {
        if (action == BatchAction.ALLOCATE && tab == DeliveryTab.OUT_OF_STOCK) {
            return getTranslation("action.retryAllocation");
        }
        return getTranslation("action." + action.name());
    }

    private Stream<PackageRow> fetch(int offset, int limit, List<PackageSort> sort) {
        lastSort = sort;
        try {
            List<PackageRow> rows = new ArrayList<>();
            // "select all" asks for everything at once; the core hands out at most 1,000 rows per call
            while (rows.size() < limit) {
                int pageSize = Math.min(limit - rows.size(), PAGE_MAX);
                List<PackageRow> page = UiServices.packages().find(query, offset + rows.size(), pageSize, sort);
                rows.addAll(page);
                if (page.size() < pageSize) {
                    break;
                }
            }
            loadExtras(rows);
            columns.loaded(offset, rows.size());
            loadError.setVisible(false);
            return rows.stream();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return Stream.empty();
        } catch (RuntimeException e) {
            LOG.warn("Loading packages failed", e);
            showLoadError();
            return Stream.empty();
        }
    }

    /** Shortages (Out of stock) and carrier states (Allocated on) of the rows just loaded. */
    private void loadExtras(List<PackageRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> ids = rows.stream().map(PackageRow::id).toList();
        if (tab.showsShortages()) {
            ids.forEach(shortages::remove);
            shortages.putAll(UiServices.packages().shortages(ids));
        }
        if (tab.showsHolds()) {
            try {
                ids.forEach(holds::remove);
                holds.putAll(UiServices.rules().holds(ids));
            } catch (ServiceUnavailableException e) {
                // the list is still useful without the reasons
            }
        }
        if (tab.showsCarrierColumns()) {
            try {
                ids.forEach(uploadStates::remove);
                uploadStates.putAll(UiServices.carriers().uploadStates(ids));
            } catch (ServiceUnavailableException e) {
                // the list is still useful without the upload state column
            }
        }
    }

    private long countPackages() {
        try {
            return UiServices.packages().countForList(query).value();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return 0;
        } catch (RuntimeException e) {
            LOG.warn("Counting packages failed", e);
            showLoadError();
            return 0;
        }
    }

    private void showLoadError() {
        loadError.setText(getTranslation("delivery.loadError"));
        loadError.setVisible(true);
    }

    private void applyFilters() {
        PackageQuery next = filterBar.query(tab.statuses(), viewer);
        columns.setApplicable(statusColumn.getKey(), filterBar.allStatuses());
        columns.apply();
        // a search across every status is not the tab's list: the title says so, and no tab is highlighted
        tabs.setSelectedTab(filterBar.allStatuses() ? null : tabItems.get(tab));
        heading.setText(filterBar.allStatuses() ? getTranslation("delivery.allStatuses")
                : getTranslation("tab." + tab.slug()));
        if (!next.equals(query)) {
            selection.clear();
        }
        query = next;
        columns.remeasure();
        // the filter text the grid now shows, for tests that wait for a lazy filter to arrive
        grid.getElement().setAttribute("data-filter", filterBar.search().getValue());
        shortages.clear();
        holds.clear();
        uploadStates.clear();
        grid.getDataProvider().refreshAll();
        updateCount();
    }

    private void updateCount() {
        try {
            // a large unfiltered tab shows the count of up to a minute ago as "about 1.2 M" (issue 15)
            ListCount listed = UiServices.packages().countForList(query);
            long n = listed.value();
            notice.clear();
            count.setText(listed.estimate() ? getTranslation("waiting.countAbout", Formats.about(n, getLocale()))
                    : getTranslation("waiting.count", n));
            matching = n;
            updateSelected();
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            count.setText("–");
        } catch (RuntimeException e) {
            LOG.warn("Counting packages failed", e);
            showLoadError();
        }
    }

    /** Tab labels with their live counts; true when they changed since the last call. */
    private boolean refreshCounts() {
        try {
            // a large status (Waiting, Synced at a million) counts as "about 200 K" of up to a minute ago (issue 15)
            Map<PackageStatus, ListCount> counts = UiServices.packages().countsForTabs(viewer);
            for (DeliveryTab t : DeliveryTab.values()) {
                ListCount n = t.listCount(counts);
                String name = getTranslation("tab." + t.slug());
                tabItems.get(t).setLabel(n.estimate()
                        ? getTranslation("tab.withCountAbout", name, Formats.about(n.value(), getLocale()))
                        : getTranslation("tab.withCount", name, n.value()));
            }
            boolean changed = !counts.equals(lastCounts);
            lastCounts = counts;
            return changed;
        } catch (ServiceUnavailableException e) {
            notice.show(e);
            return false;
        } catch (RuntimeException e) {
            LOG.warn("Counting packages per status failed", e);
            return false;
        }
    }

    /** Every 10 s: new counts; the list is reloaded when they moved or carrier states may have moved. */
    private void liveRefresh() {
        boolean changed = refreshCounts();
        if (changed || tab.showsCarrierColumns() && tab.compareTo(DeliveryTab.TRACKED) < 0) {
            grid.getDataProvider().refreshAll();
            updateCount();
        }
    }

    /** A click on a row's box: that row, or with shift the rows from the previous click to this one. */
    private void toggle(PackageRow row, boolean shift, int index) {
        boolean on = !selection.isSelected(row.id());
        int[] range = selection.clickRange(index, shift);
        if (range[0] == range[1]) {
            selection.set(List.of(row), on);
            grid.getDataProvider().refreshItem(row);
        } else {
            selection.set(rows(range[0], range[1] - range[0] + 1), on);
            grid.getDataProvider().refreshAll();
        }
        updateSelected();
    }

    /** Rows {@code offset ..} of the list as the grid shows them (same filter and sort). */
    private List<PackageRow> rows(int offset, int limit) {
        List<PackageRow> rows = new ArrayList<>();
        PackageService packages = UiServices.packages();
        while (rows.size() < limit) {
            int pageSize = Math.min(limit - rows.size(), PAGE_MAX);
            List<PackageRow> page = packages.find(query, offset + rows.size(), pageSize, lastSort);
            rows.addAll(page);
            if (page.size() < pageSize) {
                break;
            }
        }
        return rows;
    }

    private void selectAllMatching() {
        selection.selectAll();
        grid.getDataProvider().refreshAll();
        updateSelected();
    }

    private void clearSelection() {
        selection.clear();
        grid.getDataProvider().refreshAll();
        updateSelected();
    }

    private void updateSelected() {
        long n = selection.count(matching);
        selected.setText(n == 0 ? "" : getTranslation("waiting.selected", n));
        selectAll.setValue(n > 0 && n == matching);
        selectAll.setIndeterminate(n > 0 && n < matching);
        selectAllMatching.setText(getTranslation("selection.allMatching", matching));
        selectAllMatching.setVisible(n > 0 && n < matching && !selection.isAll());
        clearSelection.setVisible(n > 0);
        boolean print = UiServices.printAvailable();
        for (Map.Entry<BatchAction, Button> e : buttons.entrySet()) {
            BatchAction action = e.getKey();
            boolean printMissing = action.needsPrintService() && !print;
            e.getValue().setEnabled(n > 0 && !printMissing);
            String why = printMissing ? getTranslation("print.unavailable")
                    : n == 0 ? getTranslation("action.selectFirst") : null;
            Component holder = buttonHolders.get(action);
            if (why == null) {
                holder.getElement().removeAttribute("title");
            } else {
                holder.getElement().setAttribute("title", why);
            }
        }
    }

    // ---- batch actions ----

    /**
     * What an action runs on: the ticked rows, or a "select all" selection that the core resolves to ids (one
     * bounded query in the viewer's scope) on the batch worker when the action starts.
     */
    private record Target(long size, List<PackageRow> rows, PackageSelection selection) {
        Callable<Map<Long, String>> ids(PackageService packages) {
            if (selection == null) {
                Map<Long, String> ids = new LinkedHashMap<>();
                rows.forEach(r -> ids.put(r.id(), r.packageNo()));
                return () -> ids;
            }
            return () -> packages.resolve(selection, PackageSelection.MAX_PACKAGES);
        }
    }

    private Target target() {
        if (selection.isAll()) {
            return new Target(selection.count(matching), List.of(), selection.asQuery(query));
        }
        List<PackageRow> rows = selection.picked();
        return new Target(rows.size(), rows, null);
    }

    /**
     * The selected rows themselves, for the actions that show or check each row (print, map SKU): a "select all"
     * selection is read page by page, at most {@value #ROWS_MAX} rows; null (after saying why) when larger.
     */
    private List<PackageRow> rowsOf(Target target) {
        return rowsOf(target, ROWS_MAX);
    }

    /** {@link #rowsOf(Target)} with its own bound (print: {@value #PRINT_ROWS_MAX}, one PDF). */
    private List<PackageRow> rowsOf(Target target, int max) {
        if (target.selection() == null) {
            return target.rows();
        }
        if (target.size() > max) {
            BatchUi.error(getTranslation("selection.tooManyRows", target.size(), max));
            return null;
        }
        Set<Long> excluded = target.selection().excluded();
        return rows(0, max + excluded.size()).stream().filter(r -> !excluded.contains(r.id())).toList();
    }

    /**
     * A batch action over a whole "select all" selection (issue 15 item 2): confirmed here, then run by the core page
     * by page by key in chunks ({@link io.waybill.core.api.BulkActionService}); the page shows its progress
     * ({@link BulkRunPanel}) and the operator may leave and come back, or stop it.
     */
    private void startBulk(BulkRun.Kind kind, String title, String question, Target target, String reason,
                           String actor) {
        io.waybill.core.api.BulkActionService bulk = UiServices.bulk();
        Runnable go = () -> {
            try {
                BulkRun run = bulk.start(kind, target.selection(), reason, actor);
                selection.clear();
                grid.getDataProvider().refreshAll();
                updateSelected();
                bulkRun.follow(bulk, run);
            } catch (OperationRefusedException e) {
                BatchUi.error(Reasons.of(e));
            }
        };
        if (question == null) {
            go.run();
        } else {
            BatchUi.confirm(title, question, title, go);
        }
    }

    /** A run over a whole selection ended: the lists show what it changed. */
    private void afterBulk() {
        grid.getDataProvider().refreshAll();
        updateCount();
        refreshCounts();
        updateSelected();
    }

    private void start(BatchAction action) {
        Target target = target();
        if (target.size() == 0) {
            return;
        }
        String actor = CurrentUser.get().map(UserIdentity::name).orElse("unknown");
        try {
            switch (action) {
                case ALLOCATE -> {
                    FulfilmentService fulfilment = UiServices.fulfilment();
                    String title = actionLabel(action);
                    if (target.selection() != null) {
                        startBulk(BulkRun.Kind.ALLOCATE, title, getTranslation(tab == DeliveryTab.OUT_OF_STOCK
                                ? "confirm.retryAllocation" : "confirm.allocate", target.size()), target, null, actor);
                        return;
                    }
                    BatchUi.confirm(title, getTranslation(tab == DeliveryTab.OUT_OF_STOCK
                                    ? "confirm.retryAllocation" : "confirm.allocate", target.size()), title,
                            () -> runBatch(title, target, ids -> fulfilment.allocate(ids, actor)));
                }
                case UPLOAD -> {
                    CarrierUploadService carriers = UiServices.carriers();
                    String title = actionLabel(action);
                    if (target.selection() != null) {
                        startBulk(BulkRun.Kind.UPLOAD, title, getTranslation("confirm.upload", target.size()), target,
                                null, actor);
                        return;
                    }
                    BatchUi.confirm(title, getTranslation("confirm.upload", target.size()), title,
                            () -> runBatch(title, target, ids -> carriers.upload(ids, actor),
                                    (t, result, numbers) -> UploadOutcomeDialog.open(t, result, numbers, carriers,
                                            () -> {
                                                if (isAttached()) {
                                                    liveRefresh();
                                                }
                                            })));
                }
                case REFRESH_TRACKING -> {
                    CarrierUploadService carriers = UiServices.carriers();
                    String title = actionLabel(action);
                    BatchUi.confirm(title, getTranslation("confirm.refreshTracking", target.size()), title,
                            () -> runBatch(title, target, ids -> carriers.refreshTracking(ids, actor)));
                }
                case VOID -> openVoidDialog(target, UiServices.fulfilment(), actor);
                case PRINT_PICKING -> {
                    List<PackageRow> rows = rowsOf(target, PRINT_ROWS_MAX);
                    if (rows != null) {
                        printPickingList(rows);
                    }
                }
                case PRINT_LABELS -> {
                    List<PackageRow> rows = rowsOf(target, PRINT_ROWS_MAX);
                    if (rows != null) {
                        printLabels(rows, actor);
                    }
                }
                case MAP_SKU -> {
                    List<PackageRow> rows = rowsOf(target);
                    if (rows != null) {
                        new MapSkuDialog(rows, actor, this::afterMapping).open();
                    }
                }
                case RELEASE -> {
                    io.waybill.core.api.RuleService rules = UiServices.rules();
                    String title = actionLabel(action);
                    BatchUi.confirm(title, getTranslation("confirm.release", target.size()), title,
                            () -> runBatch(title, target, ids -> rules.release(ids, actor)));
                }
                case APPLY_RULES -> {
                    io.waybill.core.api.RuleService rules = UiServices.rules();
                    String title = actionLabel(action);
                    BatchUi.confirm(title, getTranslation("confirm.applyRules", target.size()), title,
                            () -> runBatch(title, target, ids -> rules.apply(ids, actor)));
                }
                case DRY_RUN_RULES -> {
                    List<PackageRow> rows = rowsOf(target);
                    if (rows != null) {
                        RuleDryRunDialog.open(rows.stream().map(PackageRow::id).toList(), viewer);
                    }
                }
                case EDIT_ADDRESS, EDIT_DECLARATION -> {
                    List<PackageRow> rows = rowsOf(target);
                    if (rows != null) {
                        ReviewEdits.open(action, rows, actor, () -> grid.getDataProvider().refreshAll());
                    }
                }
            }
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
        }
    }

    private void runBatch(String title, List<PackageRow> rows, Function<List<Long>, BatchResult> action) {
        runBatch(title, new Target(rows.size(), rows, null), action);
    }

    private void runBatch(String title, Target target, Function<List<Long>, BatchResult> action) {
        runBatch(title, target, action, (t, result, numbers) -> BatchUi.showResult(t, result));
    }

    private void runBatch(String title, Target target, Function<List<Long>, BatchResult> action,
                          BatchUi.ResultView view) {
        try {
            BatchUi.run(title, target.size(), target.ids(UiServices.packages()), action, this::afterBatch, null,
                    view);
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
        }
    }

    private void afterMapping() {
        selection.clear();
        grid.getDataProvider().refreshAll();
        updateCount();
        refreshCounts();
        updateSelected();
    }

    /**
     * Packages the action was applied to leave the selection, and so do those it moved elsewhere (out of stock);
     * the refused ones stay selected for a retry. A "select all" selection ends with the action: what still
     * matches the filter afterwards was not part of what the operator confirmed.
     */
    private void afterBatch(BatchResult result) {
        if (selection.isAll()) {
            selection.clear();
        } else {
            Set<Long> done = new HashSet<>(result.succeeded());
            result.failures().stream()
                    .filter(f -> "out_of_stock".equals(f.code()) && tab != DeliveryTab.OUT_OF_STOCK)
                    .forEach(f -> done.add(f.packageId()));
            selection.forget(done);
        }
        grid.getDataProvider().refreshAll();
        updateCount();
        refreshCounts();
        updateSelected();
    }

    private void openVoidDialog(Target rows, FulfilmentService fulfilment, String actor) {
        if (rows.selection() != null) {
            // the dialog's second step is the confirmation
            new VoidDialog(getTranslation("void.title"), rows.size(), why -> startBulk(BulkRun.Kind.VOID,
                    getTranslation("void.title"), null, rows, why, actor)).open();
            return;
        }
        new VoidDialog(getTranslation("void.title"), rows.size(), why -> runBatch(getTranslation("void.title"), rows,
                ids -> fulfilment.voidPackages(ids, why, actor))).open();
    }

    /** The lifecycle rule before any dialog: a refused selection shows why and offers nothing to print. */
    private static boolean printable(PrintRules.Document document, List<PackageRow> rows) {
        try {
            PrintRules.require(document, rows);
            return true;
        } catch (NotPrintableException e) {
            BatchUi.error(Reasons.of(e));
            return false;
        }
    }

    private void printPickingList(List<PackageRow> rows) {
        if (!printable(PrintRules.Document.PICKING_LIST, rows)) {
            return;
        }
        PrintService print = UiServices.print();
        List<Long> ids = rows.stream().map(PackageRow::id).toList();
        Locale locale = getLocale();
        String title = actionLabel(BatchAction.PRINT_PICKING);
        BatchUi.confirm(title, getTranslation("confirm.printPicking", rows.size()), getTranslation("print.go"),
                () -> BatchUi.work(getTranslation("print.rendering"), () -> print.pickingList(ids, locale),
                        pdf -> openPdf(title, pdf, "picking-list.pdf", null)));
    }

    private void printLabels(List<PackageRow> rows, String actor) {
        if (!printable(PrintRules.Document.CARRIER_LABEL, rows)) {
            return;
        }
        PrintService print = UiServices.print();
        FulfilmentService fulfilment = UiServices.fulfilment();
        List<Long> ids = rows.stream().map(PackageRow::id).toList();
        String title = actionLabel(BatchAction.PRINT_LABELS);
        Select<LabelSize> size = new Select<>();
        size.setId("print-label-size");
        size.setLabel(getTranslation("print.labelSize"));
        size.setItems(LabelSize.values());
        size.setItemLabelGenerator(s -> getTranslation("print.size." + s.name()));
        size.setValue(LabelSize.MM100X150);
        Select<String> output = new Select<>();
        output.setId("print-output");
        output.setLabel(getTranslation("print.output"));
        output.setItems("PDF", "ZPL");
        output.setItemLabelGenerator(o -> getTranslation("print.output." + o));
        output.setValue("PDF");
        output.addValueChangeListener(e -> size.setEnabled(!"ZPL".equals(e.getValue())));
        BatchUi.confirm(title, getTranslation("confirm.printLabels", rows.size()), getTranslation("print.go"),
                () -> {
                    // reprints of shipped packages are not marked (they stay shipped)
                    List<PackageRow> markable = rows.stream().filter(r -> PrintRules.canMarkPrinted(r.status()))
                            .toList();
                    Runnable markPrinted = markable.isEmpty() ? null : () -> runBatch(
                            getTranslation("print.markTitle"), markable, chunk -> fulfilment.markPrinted(chunk, actor));
                    if ("ZPL".equals(output.getValue())) {
                        BatchUi.work(getTranslation("print.sending"), () -> print.sendZpl(ids, null),
                                sent -> {
                                    if (markPrinted == null) {
                                        BatchUi.info(sent);
                                    } else {
                                        askPrinted(title, sent, markPrinted);
                                    }
                                });
                        return;
                    }
                    LabelSize chosen = size.getValue() == null ? LabelSize.MM100X150 : size.getValue();
                    BatchUi.work(getTranslation("print.rendering"), () -> print.labels(ids, chosen),
                            pdf -> openPdf(title, pdf, "labels.pdf", markPrinted));
                }, output, size);
    }

    /** {@code zpl-dialog}: what was sent to the label printer, then "Did the labels print correctly?". */
    private void askPrinted(String title, String sent, Runnable onPrinted) {
        Dialog dialog = new Dialog();
        dialog.setId("zpl-dialog");
        dialog.setHeaderTitle(title);
        Paragraph what = new Paragraph(sent);
        what.setId("zpl-sent");
        dialog.add(what);
        askPrintedIn(dialog, onPrinted);
        dialog.open();
    }

    /** The footer "Did the labels print correctly?" No / Yes; Yes closes the dialog and runs {@code onPrinted}. */
    private void askPrintedIn(Dialog dialog, Runnable onPrinted) {
        Span question = new Span(getTranslation("print.question"));
        question.setId("print-question");
        question.addClassName("wb-question");
        Button no = new Button(getTranslation("print.no"), e -> dialog.close());
        no.setId("print-confirm-no");
        Button yes = new Button(getTranslation("print.yes"), e -> {
            dialog.close();
            onPrinted.run();
        });
        yes.setId("print-confirm-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(question, no, yes);
    }

    /**
     * {@code print-dialog}: the PDF inline (browser's viewer, print from there) with a link to open it in a new tab;
     * for labels, "Did the labels print correctly?" marks them printed on Yes.
     */
    private void openPdf(String title, byte[] pdf, String fileName, Runnable onPrinted) {
        Dialog dialog = new Dialog();
        dialog.setId("print-dialog");
        dialog.setHeaderTitle(title);
        dialog.setWidth("min(60rem, 95vw)");
        DownloadHandler inline = io.waybill.ui.internal.web.BytesDownload.inline(pdf, fileName, "application/pdf");
        IFrame frame = new IFrame();
        frame.setSrc(inline);
        frame.setId("print-frame");
        frame.addClassName("wb-pdf");
        Anchor open = new Anchor(inline, getTranslation("print.open"));
        open.setTarget(AnchorTarget.BLANK);
        open.setId("print-open");
        Span size = new Span(getTranslation("print.size", Math.max(1, pdf.length / 1024)));
        size.addClassName("wb-muted");
        Div links = new Div(open, size);
        links.addClassName("wb-print-links");
        dialog.add(links, frame);
        if (onPrinted == null) {
            Button close = new Button(getTranslation("action.close"), e -> dialog.close());
            close.setId("print-close");
            close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(close);
        } else {
            askPrintedIn(dialog, onPrinted);
        }
        dialog.open();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        updateSelected();
        try {
            liveRefresh = UiServices.scheduler().scheduleWithFixedDelay(
                    () -> BatchUi.push(ui, this::liveRefresh), LIVE_REFRESH_SECONDS, LIVE_REFRESH_SECONDS,
                    TimeUnit.SECONDS);
        } catch (ServiceUnavailableException | java.util.concurrent.RejectedExecutionException e) {
            liveRefresh = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (liveRefresh != null) {
            liveRefresh.cancel(false);
            liveRefresh = null;
        }
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tab." + tab.slug()) + " · Waybill";
    }
}
